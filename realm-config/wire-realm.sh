#!/usr/bin/env bash
# Wires VIGI 2FA into an existing realm, as README's "wire an existing realm by hand" steps do in the admin console:
# brute-force detection, the `vigi browser` flow (2FA-aware SSO, password, trusted device, the code step, the
# level-of-authentication conditions, which give acr 1 and 2, the "this application needs 2FA" page), the VIGI
# required actions, the `vigi reset credentials` flow, Update Email with verification, and optionally the SMTP
# server and the `vigi` themes. It talks to the server through Keycloak's own admin CLI (bin/kcadm.sh).
#
# It only adds or corrects what is missing or different and says what; a second run finds nothing to change and
# says so. It does not reorder or delete steps an administrator added, create clients, or touch the direct-grant
# flow (Keycloak's own asks users with 2FA for the code). --dry-run prints what it would change and changes nothing.
#
# Needs bash, jq, and kcadm.sh of a Keycloak 26.4, 26.5 or 26.7 (--kcadm, $KCADM, $KEYCLOAK_HOME/bin, or PATH), with
# the provider JAR installed on the server.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: wire-realm.sh --server URL --realm REALM [options]
  --server URL          Keycloak's base URL, e.g. http://localhost:8080
  --realm REALM         the realm to wire (it must exist)
  --user NAME           administrator (default: admin; or $KC_ADMIN_USER)
  --password PASSWORD   the administrator's password (default: $KC_ADMIN_PASSWORD; asked for when neither is set)
  --admin-realm REALM   the realm the administrator signs in to (default: master)
  --kcadm PATH          kcadm.sh to use (default: $KCADM, $KEYCLOAK_HOME/bin/kcadm.sh, or kcadm.sh on PATH)
  --smtp-host HOST      also set the realm's SMTP server (with --smtp-port, default 25, and --smtp-from)
  --smtp-port PORT
  --smtp-from ADDRESS
  --themes              also set the realm's login and email themes to vigi
  --dry-run             print what would change, change nothing
EOF
}

server='' realm='' user=${KC_ADMIN_USER:-admin} password=${KC_ADMIN_PASSWORD:-} admin_realm=master
kcadm=${KCADM:-} smtp_host='' smtp_port=25 smtp_from='' themes=false dry_run=false
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server=$2; shift 2 ;;
    --realm) realm=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --password) password=$2; shift 2 ;;
    --admin-realm) admin_realm=$2; shift 2 ;;
    --kcadm) kcadm=$2; shift 2 ;;
    --smtp-host) smtp_host=$2; shift 2 ;;
    --smtp-port) smtp_port=$2; shift 2 ;;
    --smtp-from) smtp_from=$2; shift 2 ;;
    --themes) themes=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[ -n "$server" ] && [ -n "$realm" ] || { usage >&2; exit 2; }
command -v jq >/dev/null || { echo "wire-realm.sh needs jq (apt-get install jq, brew install jq)" >&2; exit 2; }
if [ -z "$kcadm" ]; then
  if [ -n "${KEYCLOAK_HOME:-}" ]; then kcadm=$KEYCLOAK_HOME/bin/kcadm.sh; else kcadm=$(command -v kcadm.sh || true); fi
fi
[ -n "$kcadm" ] && [ -x "$kcadm" ] || { echo "kcadm.sh not found: pass --kcadm <keycloak>/bin/kcadm.sh" >&2; exit 2; }
if [ -z "$password" ]; then
  read -r -s -p "Password of $user in $admin_realm: " password; echo >&2
fi

# kcadm.sh starts a JVM per call: a quick-start JIT keeps the run short; its session lives in a file of this run only
export KC_OPTS="${KC_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kc() { "$kcadm" "$@" --config "$work/kcadm.config"; }
kc config credentials --server "$server" --realm "$admin_realm" --user "$user" --password "$password" >/dev/null
kc get "realms/$realm" > "$work/realm.json" 2>"$work/err" || { cat "$work/err" >&2; echo "realm $realm not found on $server" >&2; exit 1; }

changes=0
# change DESCRIPTION COMMAND...: runs the command (or, in a dry run, only names it) and counts it
change() {
  local what=$1; shift
  changes=$((changes + 1))
  if $dry_run; then echo "  would $what"; else echo "  $what"; "$@" >/dev/null; rm -f "$work"/get-*; fi
}
# cget PATH: a GET of the target realm's admin API, read once until the next change (every kcadm call is a JVM start)
cget() {
  local file
  file="$work/get-$(printf '%s' "$1" | md5sum | cut -c1-16)"
  [ -f "$file" ] || kc get "$1" -r "$realm" > "$file" || { rm -f "$file"; return 1; }
  cat "$file"
}
url() { jq -rn --arg s "$1" '$s|@uri'; }

# --- flows -----------------------------------------------------------------------------------------------------
# executions FLOW: the direct steps and sub-flows of a flow (level 0), [] for a flow that does not exist yet
executions() {
  cget "authentication/flows/$(url "$1")/executions" 2>/dev/null | jq -c '[.[] | select(.level == 0)]' \
    || echo '[]'
}

ensure_top_flow() { # ALIAS DESCRIPTION
  cget authentication/flows | jq -e --arg a "$1" 'any(.[]; .alias == $a)' >/dev/null && return
  change "create flow '$1'" kc create authentication/flows -r "$realm" -s "alias=$1" -s "description=$2" \
    -s providerId=basic-flow -s topLevel=true -s builtIn=false
}

# ensure_step FLOW KEY REQUIREMENT [CONFIG_ALIAS CONFIG_JSON]: KEY is a provider id, or "flow:ALIAS" for a sub-flow
ensure_step() {
  local flow=$1 key=$2 requirement=$3 config_alias=${4:-} config=${5:-} found
  found=$(executions "$flow" | jq -c --arg k "$key" \
    'first(.[] | select(if ($k|startswith("flow:")) then (.authenticationFlow == true and .displayName == ($k|.[5:])) else .providerId == $k end)) // empty')
  if [ -z "$found" ]; then
    if [[ $key == flow:* ]]; then
      change "add sub-flow '${key#flow:}' to '$flow'" kc create "authentication/flows/$(url "$flow")/executions/flow" \
        -r "$realm" -s "alias=${key#flow:}" -s type=basic-flow -s provider=registration-page-form -s description=
    else
      change "add step $key to '$flow'" kc create "authentication/flows/$(url "$flow")/executions/execution" \
        -r "$realm" -s "provider=$key"
    fi
    if $dry_run; then
      [ -z "$config_alias" ] || change "configure it ($config_alias)"
      change "make it $requirement"
      return
    fi
    found=$(executions "$flow" | jq -c --arg k "$key" \
      'first(.[] | select(if ($k|startswith("flow:")) then (.authenticationFlow == true and .displayName == ($k|.[5:])) else .providerId == $k end))')
  fi
  if [ "$(jq -r .requirement <<<"$found")" != "$requirement" ]; then
    jq --arg r "$requirement" '.requirement = $r' <<<"$found" > "$work/execution.json"
    change "make '$(jq -r .displayName <<<"$found")' in '$flow' $requirement" \
      kc update "authentication/flows/$(url "$flow")/executions" -r "$realm" -f "$work/execution.json"
  fi
  [ -n "$config_alias" ] && ensure_config "$found" "$config_alias" "$config"
  return 0
}

ensure_config() { # EXECUTION_JSON ALIAS CONFIG_JSON
  local id config_id current
  id=$(jq -r .id <<<"$1"); config_id=$(jq -r '.authenticationConfig // empty' <<<"$1")
  if [ -z "$config_id" ]; then
    jq -n --arg a "$2" --argjson c "$3" '{alias: $a, config: $c}' > "$work/config-$2.json"
    change "configure '$(jq -r .displayName <<<"$1")' ($2)" \
      kc create "authentication/executions/$id/config" -r "$realm" -f "$work/config-$2.json"
    return
  fi
  current=$(kc get "authentication/config/$config_id" -r "$realm")
  # only the keys this script sets: an administrator's other settings on the step stay. Keycloak shows a key the
  # step does not declare as a setting (the Authentication Reference on the password form and the code step) as
  # "**********": such a key is set, its value cannot be read back, and an update leaves it as it is.
  if ! jq -e --argjson want "$3" '. as $c | all($want|to_entries[]; $c.config[.key] == .value or $c.config[.key] == "**********")' \
      <<<"$current" >/dev/null; then
    jq --argjson want "$3" '.config += $want' <<<"$current" > "$work/config-$2.json"
    change "set $(jq -r 'keys|join(", ")' <<<"$3") of '$(jq -r .displayName <<<"$1")'" \
      kc update "authentication/config/$config_id" -r "$realm" -f "$work/config-$2.json"
  fi
}

# --- required actions -------------------------------------------------------------------------------------------
ensure_action() { # ALIAS: registered and enabled
  local alias=$1 found name
  found=$(cget authentication/required-actions | jq -c --arg a "$alias" 'first(.[] | select(.alias == $a)) // empty')
  if [ -z "$found" ]; then
    name=$(cget authentication/unregistered-required-actions | jq -r --arg a "$alias" 'first(.[] | select(.providerId == $a)) | .name // empty')
    [ -n "$name" ] || { echo "required action $alias is not offered by the server: is the VIGI 2FA JAR in providers/?" >&2; exit 1; }
    change "register required action '$name'" kc create authentication/register-required-action -r "$realm" \
      -s "providerId=$alias" -s "name=$name"
    found='{"enabled": true}'
  fi
  if [ "$(jq -r .enabled <<<"$found")" != true ]; then
    change "enable required action '$(jq -r .name <<<"$found")'" \
      kc update "authentication/required-actions/$alias" -r "$realm" -s enabled=true
  fi
}

ensure_update_email_verifies() {
  local current
  current=$(kc get authentication/required-actions/UPDATE_EMAIL/config -r "$realm" 2>/dev/null || echo '{}')
  [ "$(jq -r '.config.verifyEmail // empty' <<<"$current")" = true ] && return
  jq '{config: ((.config // {}) + {verifyEmail: "true"})}' <<<"$current" > "$work/update-email.json"
  change "turn on Force Email Verification of Update Email" \
    kc update authentication/required-actions/UPDATE_EMAIL/config -r "$realm" -f "$work/update-email.json"
}

# --- realm settings ---------------------------------------------------------------------------------------------
ensure_realm_settings() {
  local want
  want=$(jq -n --arg b "vigi browser" --arg r "vigi reset credentials" \
    '{bruteForceProtected: true, resetPasswordAllowed: true, browserFlow: $b, resetCredentialsFlow: $r}')
  $themes && want=$(jq '. + {loginTheme: "vigi", emailTheme: "vigi"}' <<<"$want")
  [ -n "$smtp_host" ] && want=$(jq --arg h "$smtp_host" --arg p "$smtp_port" --arg f "$smtp_from" \
    '. + {smtpServer: {host: $h, port: $p, from: $f}}' <<<"$want")
  kc get "realms/$realm" > "$work/realm.json"
  local differs
  # smtpServer: compared key by key above; the realm's other SMTP settings (auth, TLS) are kept
  differs=$(jq -r --argjson want "$want" '. as $r | [$want|to_entries[] | select(
      if (.value|type) == "object" then (.key as $k | .value | to_entries | any(($r[$k] // {})[.key] != .value)) else $r[.key] != .value end
    ) | .key] | join(" ")' "$work/realm.json")
  [ -z "$differs" ] && return
  jq --argjson want "$want" '{smtpServer: ((.smtpServer // {}) + ($want.smtpServer // {}))} + ($want | del(.smtpServer))
      | if $want.smtpServer == null then del(.smtpServer) else . end' "$work/realm.json" > "$work/realm-update.json"
  change "set realm $(tr ' ' ',' <<<"$differs")" kc update "realms/$realm" --merge -f "$work/realm-update.json"
}

echo "Wiring VIGI 2FA into realm '$realm' on $server$($dry_run && echo ' (dry run: nothing is changed)')"

# README step 3: the browser flow
ensure_top_flow "vigi browser" "VIGI 2FA: password, then the code for users who turned 2FA on (wire-realm.sh)"
ensure_step "vigi browser" vigi-2fa-cookie ALTERNATIVE
if [ "$(kc get identity-provider/instances -r "$realm" | jq length)" -gt 0 ]; then
  ensure_step "vigi browser" identity-provider-redirector ALTERNATIVE
fi
ensure_step "vigi browser" "flow:vigi browser forms" ALTERNATIVE
ensure_step "vigi browser forms" "flow:vigi browser password" CONDITIONAL
ensure_step "vigi browser password" conditional-level-of-authentication REQUIRED vigi-loa-password \
  '{"loa-condition-level": "1", "loa-max-age": "36000"}'
ensure_step "vigi browser password" auth-username-password-form REQUIRED vigi-password-amr \
  '{"default.reference.value": "pwd", "default.reference.maxAge": "36000"}'
ensure_step "vigi browser forms" "flow:vigi browser 2fa" CONDITIONAL
ensure_step "vigi browser 2fa" conditional-user-configured REQUIRED
ensure_step "vigi browser 2fa" vigi-2fa-trusted-device REQUIRED
ensure_step "vigi browser 2fa" "flow:vigi browser code" CONDITIONAL
ensure_step "vigi browser code" conditional-credential REQUIRED vigi-not-trusted-device \
  '{"credentials": "vigi-trusted-device", "included": "false"}'
ensure_step "vigi browser code" vigi-2fa-code REQUIRED vigi-2fa-settings \
  '{"default.reference.value": "otp", "default.reference.maxAge": "36000"}'
ensure_step "vigi browser forms" "flow:vigi browser 2fa needed" CONDITIONAL
ensure_step "vigi browser 2fa needed" conditional-level-of-authentication REQUIRED vigi-loa-2fa \
  '{"loa-condition-level": "2", "loa-max-age": "36000"}'
ensure_step "vigi browser 2fa needed" vigi-2fa-needed REQUIRED

# README step 5: the VIGI required actions; Keycloak's Configure OTP and Delete Credential stay on (the JAR replaces them)
for action in vigi-2fa-rollout vigi-2fa-enable vigi-2fa-move vigi-2fa-disable vigi-2fa-recovery-codes vigi-2fa-activity; do ensure_action "$action"; done

# README step 6: "Forgot password?" asks users with 2FA for the code before the new password
ensure_top_flow "vigi reset credentials" "VIGI 2FA: mail, the code for users with 2FA, new password (wire-realm.sh)"
ensure_step "vigi reset credentials" reset-credentials-choose-user REQUIRED
ensure_step "vigi reset credentials" reset-credential-email REQUIRED
ensure_step "vigi reset credentials" "flow:vigi reset 2fa" CONDITIONAL
ensure_step "vigi reset 2fa" conditional-user-configured REQUIRED
ensure_step "vigi reset 2fa" vigi-2fa-code REQUIRED
ensure_step "vigi reset credentials" reset-password REQUIRED

# README step 7: e-mail changes need the code and the new mailbox's confirmation
ensure_action UPDATE_EMAIL
ensure_update_email_verifies

# README steps 1, 2, 3 (bind), 6 (bind, forgot password on), 8 (themes): the realm's own settings
ensure_realm_settings
if [ -z "$smtp_host" ] && [ -z "$(jq -r '.smtpServer.host // empty' "$work/realm.json")" ]; then
  echo "  note: the realm has no SMTP server: set one (Realm settings → Email, or --smtp-host) for the lost-phone link and the mails"
fi

if [ "$changes" -eq 0 ]; then
  echo "Nothing to change: realm '$realm' is wired for VIGI 2FA."
elif $dry_run; then
  echo "$changes change(s) to make; run without --dry-run to make them."
else
  echo "Done: $changes change(s) made to realm '$realm'."
fi

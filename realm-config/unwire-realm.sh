#!/usr/bin/env bash
# Takes VIGI 2FA out of a realm before the provider JAR is removed (README "Removing VIGI 2FA"): users with 2FA then
# sign in with Keycloak's built-in OTP form and the same authenticator app. It binds two flows made only of Keycloak's
# own steps: `otp browser` (cookie SSO; password; for users with an OTP credential, Keycloak's OTP form) as the browser
# flow and `otp reset credentials` (mail, then Keycloak's OTP form for users with 2FA, then the new password) as the
# reset-credentials flow; it unregisters the VIGI required actions and sets the `vigi` themes back to Keycloak's. The
# direct-grant flow of the VIGI realm file uses Keycloak's own OTP step already: the script only checks that the bound
# one has no VIGI step. It deletes nothing else: the `vigi *` flows stay, unbound (what is left and how to clean it:
# README). Run it while the JAR is still installed, then remove the JAR and run `kc.sh build`.
#
# Idempotent: a second run says `Nothing to change`. --dry-run prints what it would change. Needs bash, jq and kcadm.sh
# of a Keycloak 26.4, 26.5 or 26.7 (--kcadm, $KCADM, $KEYCLOAK_HOME/bin, or PATH).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: unwire-realm.sh --server URL --realm REALM [--user NAME] [--password PASSWORD] [--admin-realm REALM] [--kcadm PATH] [--dry-run]
  (the options mean what they mean for wire-realm.sh; the password defaults to $KC_ADMIN_PASSWORD)
EOF
}

server='' realm='' user=${KC_ADMIN_USER:-admin} password=${KC_ADMIN_PASSWORD:-} admin_realm=master
kcadm=${KCADM:-} dry_run=false
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server=$2; shift 2 ;;
    --realm) realm=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --password) password=$2; shift 2 ;;
    --admin-realm) admin_realm=$2; shift 2 ;;
    --kcadm) kcadm=$2; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[ -n "$server" ] && [ -n "$realm" ] || { usage >&2; exit 2; }
command -v jq >/dev/null || { echo "unwire-realm.sh needs jq (apt-get install jq, brew install jq)" >&2; exit 2; }
if [ -z "$kcadm" ]; then
  if [ -n "${KEYCLOAK_HOME:-}" ]; then kcadm=$KEYCLOAK_HOME/bin/kcadm.sh; else kcadm=$(command -v kcadm.sh || true); fi
fi
[ -n "$kcadm" ] && [ -x "$kcadm" ] || { echo "kcadm.sh not found: pass --kcadm <keycloak>/bin/kcadm.sh" >&2; exit 2; }
if [ -z "$password" ]; then
  read -r -s -p "Password of $user in $admin_realm: " password; echo >&2
fi

export KC_OPTS="${KC_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kc() { "$kcadm" "$@" --config "$work/kcadm.config"; }
kc config credentials --server "$server" --realm "$admin_realm" --user "$user" --password "$password" >/dev/null
kc get "realms/$realm" > "$work/realm.json" 2>"$work/err" || { cat "$work/err" >&2; echo "realm $realm not found on $server" >&2; exit 1; }

changes=0
change() { # DESCRIPTION COMMAND...: runs it (in a dry run only names it) and counts it
  local what=$1; shift
  changes=$((changes + 1))
  if $dry_run; then echo "  would $what"; else echo "  $what"; "$@" >/dev/null; fi
}
url() { jq -rn --arg s "$1" '$s|@uri'; }
steps() { # FLOW: its direct steps and sub-flows, [] when the flow does not exist
  kc get "authentication/flows/$(url "$1")/executions" -r "$realm" 2>/dev/null | jq -c '[.[] | select(.level == 0)]' || echo '[]'
}

ensure_flow() { # ALIAS DESCRIPTION
  kc get authentication/flows -r "$realm" | jq -e --arg a "$1" 'any(.[]; .alias == $a)' >/dev/null && return
  change "create flow '$1'" kc create authentication/flows -r "$realm" -s "alias=$1" -s "description=$2" \
    -s providerId=basic-flow -s topLevel=true -s builtIn=false
}

# ensure_step FLOW KEY REQUIREMENT: KEY is a provider id, or "flow:ALIAS" for a sub-flow
ensure_step() {
  local flow=$1 key=$2 requirement=$3 select found
  select='first(.[] | select(if ($k|startswith("flow:")) then (.authenticationFlow == true and .displayName == ($k|.[5:])) else .providerId == $k end)) // empty'
  found=$(steps "$flow" | jq -c --arg k "$key" "$select")
  if [ -z "$found" ]; then
    if [[ $key == flow:* ]]; then
      change "add sub-flow '${key#flow:}' to '$flow'" kc create "authentication/flows/$(url "$flow")/executions/flow" \
        -r "$realm" -s "alias=${key#flow:}" -s type=basic-flow -s provider=registration-page-form -s description=
    else
      change "add step $key to '$flow'" kc create "authentication/flows/$(url "$flow")/executions/execution" -r "$realm" -s "provider=$key"
    fi
    if $dry_run; then change "make it $requirement"; return; fi
    found=$(steps "$flow" | jq -c --arg k "$key" "$select")
  fi
  if [ "$(jq -r .requirement <<<"$found")" != "$requirement" ]; then
    jq --arg r "$requirement" '.requirement = $r' <<<"$found" > "$work/execution.json"
    change "make '$(jq -r .displayName <<<"$found")' in '$flow' $requirement" \
      kc update "authentication/flows/$(url "$flow")/executions" -r "$realm" -f "$work/execution.json"
  fi
}

# has_vigi_step FLOW: whether the flow or any of its sub-flows runs a VIGI step
has_vigi_step() {
  [ -n "$1" ] && steps_all "$1" | jq -e 'any(.[]; (.providerId // "") | startswith("vigi-"))' >/dev/null
}
steps_all() { kc get "authentication/flows/$(url "$1")/executions" -r "$realm" 2>/dev/null || echo '[]'; }

echo "Taking VIGI 2FA out of realm '$realm' on $server$($dry_run && echo ' (dry run: nothing is changed)')"

ensure_flow "otp browser" "Keycloak's own steps: cookie, password, OTP form for users with 2FA (unwire-realm.sh)"
ensure_step "otp browser" auth-cookie ALTERNATIVE
ensure_step "otp browser" "flow:otp browser forms" ALTERNATIVE
ensure_step "otp browser forms" auth-username-password-form REQUIRED
ensure_step "otp browser forms" "flow:otp browser 2fa" CONDITIONAL
ensure_step "otp browser 2fa" conditional-user-configured REQUIRED
ensure_step "otp browser 2fa" auth-otp-form REQUIRED

ensure_flow "otp reset credentials" "Keycloak's own steps: mail, OTP form for users with 2FA, new password (unwire-realm.sh)"
ensure_step "otp reset credentials" reset-credentials-choose-user REQUIRED
ensure_step "otp reset credentials" reset-credential-email REQUIRED
ensure_step "otp reset credentials" "flow:otp reset 2fa" CONDITIONAL
ensure_step "otp reset 2fa" conditional-user-configured REQUIRED
ensure_step "otp reset 2fa" auth-otp-form REQUIRED
ensure_step "otp reset credentials" reset-password REQUIRED

# the realm: the two flows bound, Keycloak's themes where the vigi ones were
want=$(jq '{browserFlow: "otp browser", resetCredentialsFlow: "otp reset credentials"}
  + (if .loginTheme == "vigi" then {loginTheme: ""} else {} end) + (if .emailTheme == "vigi" then {emailTheme: ""} else {} end)
  + (if .accountTheme == "vigi" then {accountTheme: ""} else {} end)' "$work/realm.json")
differs=$(jq -r --argjson want "$want" '. as $r | [$want|to_entries[] | select($r[.key] != .value) | .key] | join(",")' "$work/realm.json")
if [ -n "$differs" ]; then
  jq -n --argjson want "$want" '$want' > "$work/realm-update.json"
  change "set realm $differs" kc update "realms/$realm" --merge -f "$work/realm-update.json"
fi

# the VIGI required actions go with the JAR; Keycloak's Configure OTP, Update Email and Delete Credential stay
for action in vigi-2fa-rollout vigi-2fa-enable vigi-2fa-move vigi-2fa-disable vigi-2fa-recovery-codes vigi-2fa-activity; do
  if kc get authentication/required-actions -r "$realm" | jq -e --arg a "$action" 'any(.[]; .alias == $a)' >/dev/null; then
    change "unregister required action '$action'" kc delete "authentication/required-actions/$action" -r "$realm"
  fi
done

direct=$(jq -r '.directGrantFlow // empty' "$work/realm.json")
if has_vigi_step "$direct"; then
  echo "  note: the direct-grant flow '$direct' has a VIGI step: bind Keycloak's 'direct grant' flow instead" >&2
fi
kc get clients -r "$realm" --fields clientId,authenticationFlowBindingOverrides \
  | jq -r '.[] | select((.authenticationFlowBindingOverrides // {}) != {}) | .clientId' | while read -r client; do
  echo "  note: client '$client' overrides the realm's flows: check that its flows have no VIGI step"
done

if [ "$changes" -eq 0 ]; then
  echo "Nothing to change: realm '$realm' signs in without VIGI 2FA."
elif $dry_run; then
  echo "$changes change(s) to make; run without --dry-run to make them."
else
  echo "Done: $changes change(s) made to realm '$realm'. Now remove the JAR from providers/ and run kc.sh build."
fi

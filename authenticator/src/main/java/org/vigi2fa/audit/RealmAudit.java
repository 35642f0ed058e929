package org.vigi2fa.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.FlowWalk;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.notify.PublicAddress;

/**
 * What in a VIGI realm's set-up lets a user with 2FA in without the code, or lets the recovery address change without
 * it, said as WARN lines at server start and at every realm import. Keycloak allows each of these; an operator
 * should know.
 */
public final class RealmAudit {

    private static final Logger LOG = Logger.getLogger(RealmAudit.class);
    /** Secrets the shipped realm file falls back to; published, so never secret. */
    static final Set<String> PUBLISHED_SECRETS = Set.of("vms-cloud-secret", "vms-local-secret");
    private static final String DIRECT_GRANT_OTP = "direct-grant-validate-otp";

    private RealmAudit() {
    }

    /** Audits every realm once the server has started, and each realm as it is imported or created. */
    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            try {
                if (event instanceof PostMigrationEvent) {
                    KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                            .forEach(realm -> log(session, realm)));
                } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                    log(created.getKeycloakSession(), created.getCreatedRealm());
                }
            } catch (RuntimeException e) {
                // an audit must never stop the server or an import
                LOG.warn("VIGI 2FA could not audit the realm set-up", e);
            }
        });
    }

    /** Logs every finding of the realm; returns them (empty for realms that do not use VIGI 2FA). */
    public static List<String> log(KeycloakSession session, RealmModel realm) {
        List<String> findings = findings(session, realm);
        findings.forEach(finding -> LOG.warnf("VIGI 2FA, realm '%s': %s", realm.getName(), finding));
        return findings;
    }

    static List<String> findings(KeycloakSession session, RealmModel realm) {
        if (!TwoFactorSettings.isEnabledIn(realm)) {
            return List.of();
        }
        List<String> findings = new ArrayList<>();
        if (!FlowWalk.runs(realm, realm.getResetCredentialsFlow(), VigiIds.CODE_AUTHENTICATOR)) {
            findings.add("the reset-credentials flow has no VIGI code step: \"forgot password\" signs users with 2FA in"
                    + " with their mailbox alone");
        }
        if (!FlowWalk.runs(realm, realm.getDirectGrantFlow(), DIRECT_GRANT_OTP, VigiIds.CODE_AUTHENTICATOR)) {
            findings.add("the direct-grant flow asks no code: a client with the password grant signs users with 2FA in"
                    + " with the password alone");
        }
        RequiredActionProviderModel updateEmail = realm.getRequiredActionProviderByAlias(UserModel.RequiredAction.UPDATE_EMAIL.name());
        if (updateEmail == null || !updateEmail.isEnabled()) {
            findings.add("the UPDATE_EMAIL required action is off: the account REST API changes the address the lost-phone"
                    + " link goes to without the code");
        }
        KeycloakSessionRealm.run(session, realm, () -> {
            if (PublicAddress.followsRequests(session)) {
                findings.add("no fixed public address (neither the server's --hostname nor the realm's Frontend URL):"
                        + " the lost-phone and \"This wasn't me\" links are not mailed, and Keycloak's own mailed links"
                        + " (forgot password, verify e-mail) follow each request's Host header");
            }
        });
        realm.getClientsStream().forEach(client -> clientFindings(realm, client, findings));
        KeycloakSessionRealm.run(session, realm, () -> session.identityProviders().getAllStream()
                .filter(idp -> idp.isEnabled())
                .forEach(idp -> findings.add("identity provider '" + idp.getAlias() + "' signs users in by its own"
                        + " login; the VIGI code step only runs if its post-login flow has it")));
        return findings;
    }

    private static void clientFindings(RealmModel realm, ClientModel client, List<String> findings) {
        for (Map.Entry<String, String> binding : client.getAuthenticationFlowBindingOverrides().entrySet()) {
            boolean browser = AuthenticationFlowBindings.BROWSER_BINDING.equals(binding.getKey());
            String[] steps = browser ? new String[] {VigiIds.CODE_AUTHENTICATOR}
                    : new String[] {DIRECT_GRANT_OTP, VigiIds.CODE_AUTHENTICATOR};
            if (!FlowWalk.runs(realm, realm.getAuthenticationFlowById(binding.getValue()), steps)) {
                findings.add("client '" + client.getClientId() + "' overrides the " + binding.getKey()
                        + " flow with one that asks no code: its users with 2FA sign in without it");
            }
        }
        if (client.getSecret() != null && PUBLISHED_SECRETS.contains(client.getSecret())) {
            findings.add("client '" + client.getClientId() + "' uses the published default secret: set a secret of"
                    + " your own (VIGI_VMS_CLOUD_SECRET / VIGI_VMS_LOCAL_SECRET) before production");
        }
    }
}

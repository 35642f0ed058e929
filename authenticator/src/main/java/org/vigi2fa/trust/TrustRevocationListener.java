package org.vigi2fa.trust;

import java.util.Map;
import java.util.regex.Pattern;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.vigi2fa.AdminUserAction;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * Ends trusted devices on the security events Keycloak itself records, whichever page or API caused them: a password
 * change or reset and an authenticator added or removed (user events), an administrator's "Sign out" or password reset
 * (admin events). Runs in the request that made the change, so the revocation commits with it. The product's own paths
 * (turn-off, lost phone, enrolment, an administrator's removal of the authenticator: removal/) call
 * {@link TrustedDevices#revokeAll} directly.
 */
final class TrustRevocationListener implements EventListenerProvider {

    /** users/{id}/logout, users/{id}/reset-password (admin REST paths). */
    private static final Pattern ADMIN_USER_PATH = Pattern.compile("^users/([^/]+)/(logout|reset-password)$");

    private final KeycloakSession session;

    TrustRevocationListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        String reason = event.getError() == null ? reason(event.getType(), event.getDetails()) : null;
        if (reason != null) {
            revoke(event.getRealmId(), event.getUserId(), reason);
        }
    }

    /** Why this user event ends trust, or null. Trusted-device credentials' own events have another type and pass. */
    private static String reason(EventType type, Map<String, String> details) {
        String credentialType = details == null ? null : details.get(Details.CREDENTIAL_TYPE);
        if (type == EventType.UPDATE_CREDENTIAL && PasswordCredentialModel.TYPE.equals(credentialType)) {
            return TrustIds.REVOKED_PASSWORD;
        }
        if (type == EventType.UPDATE_CREDENTIAL && OTPCredentialModel.TYPE.equals(credentialType)) {
            return TrustIds.REVOKED_NEW_AUTHENTICATOR;
        }
        return type == EventType.REMOVE_CREDENTIAL && OTPCredentialModel.TYPE.equals(credentialType) ? TrustIds.REVOKED_2FA_OFF : null;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        AdminUserAction action = AdminUserAction.of(session, event, ADMIN_USER_PATH);
        if (action != null) {
            String reason = "logout".equals(action.path().group(2)) ? TrustIds.REVOKED_SIGN_OUT : TrustIds.REVOKED_PASSWORD;
            TrustedDevices.revokeAll(session, action.realm(), action.user(), reason);
        }
    }

    private void revoke(String realmId, String userId, String reason) {
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        if (realm == null || userId == null || !TwoFactorSettings.isEnabledIn(session, realm)) {
            return;
        }
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            return;
        }
        TrustedDevices.revokeAll(session, realm, user, reason);
    }

    @Override
    public void close() {
    }
}

package org.vigi2fa.trust;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.vigi2fa.AdminUserAction;
import org.vigi2fa.VigiIds;

/**
 * Ends trusted devices on the security events Keycloak itself records, whichever page or API caused them: a password
 * change or reset and an authenticator added or removed (user events), an administrator's "Sign out" or password reset
 * (admin events). Runs in the request that made the change, so the revocation commits with it. The product's own paths
 * (turn-off, lost phone, enrolment, an administrator's removal of the authenticator: removal/) call
 * {@link TrustedDevices#revokeAll} directly.
 */
public final class TrustRevocation {

    /** users/{id}/logout, users/{id}/reset-password (admin REST paths). */
    private static final Pattern ADMIN_ACTION = Pattern.compile("^(logout|reset-password)$");

    private TrustRevocation() {
    }

    /** Whether this successful user event ends the user's trusted devices. */
    public static boolean concerns(Event event) {
        return reason(event.getType(), event.getDetails()) != null;
    }

    public static void onUserEvent(KeycloakSession session, RealmModel realm, UserModel user, Event event) {
        String reason = reason(event.getType(), event.getDetails());
        if (reason != null) {
            TrustedDevices.revokeAll(session, realm, user, reason);
        }
    }

    public static void onAdminAction(KeycloakSession session, AdminUserAction action) {
        Matcher path = action.matching(ADMIN_ACTION);
        if (path != null) {
            String reason = "logout".equals(path.group(1)) ? TrustIds.REVOKED_SIGN_OUT : TrustIds.REVOKED_PASSWORD;
            TrustedDevices.revokeAll(session, action.realm(), action.user(), reason);
        }
    }

    /** Why this user event ends trust, or null. Trusted-device credentials' own events have another type and pass. */
    private static String reason(EventType type, Map<String, String> details) {
        String credentialType = details == null ? null : details.get(Details.CREDENTIAL_TYPE);
        if (type == EventType.UPDATE_CREDENTIAL && PasswordCredentialModel.TYPE.equals(credentialType)) {
            return TrustIds.REVOKED_PASSWORD;
        }
        if (type == EventType.UPDATE_CREDENTIAL && OTPCredentialModel.TYPE.equals(credentialType)) {
            // a move to a new phone keeps the credential (its id) and the person who proved it: its devices stay trusted
            return VigiIds.EVENT_MOVED.equals(details.get(VigiIds.EVENT_DETAIL)) ? null : TrustIds.REVOKED_NEW_AUTHENTICATOR;
        }
        return type == EventType.REMOVE_CREDENTIAL && OTPCredentialModel.TYPE.equals(credentialType) ? TrustIds.REVOKED_2FA_OFF : null;
    }
}

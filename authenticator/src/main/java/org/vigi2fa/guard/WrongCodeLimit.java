package org.vigi2fa.guard;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.vigi2fa.VigiIds;

/**
 * At most 100 consecutive wrong codes for one authenticator (NIST SP 800-63B-4 §3.2.2): Keycloak's lockout cycles
 * for ever, so every wrong code is also counted per OTP credential, across lockouts, restarts and nodes (a user
 * attribute written only when a code was wrong or after one was), a right code starts again, and at the limit the
 * credential accepts no code until it is rebound. Only someone who already passed the password reaches a code check.
 */
public final class WrongCodeLimit {

    /** Consecutive wrong codes after which the authenticator accepts none. */
    public static final int LIMIT = 100;

    private WrongCodeLimit() {
    }

    /** Whether this OTP credential had {@link #LIMIT} wrong codes in a row: no code counts for it any more. */
    public static boolean reached(UserModel user, String credentialId) {
        return count(user.getFirstAttribute(GuardIds.USER_ATTR_WRONG_CODES), credentialId) >= LIMIT;
    }

    /** Counts a checked code: a wrong one adds one (recording an event at the limit), a right one starts again. */
    public static void record(KeycloakSession session, RealmModel realm, UserModel user, String credentialId, boolean valid) {
        if (credentialId == null) {
            return;
        }
        String stored = user.getFirstAttribute(GuardIds.USER_ATTR_WRONG_CODES);
        if (valid) {
            if (stored != null) {
                user.removeAttribute(GuardIds.USER_ATTR_WRONG_CODES);
            }
            return;
        }
        int wrong = count(stored, credentialId) + 1;
        user.setSingleAttribute(GuardIds.USER_ATTR_WRONG_CODES, credentialId + ":" + wrong);
        if (wrong == LIMIT) {
            new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.CUSTOM_REQUIRED_ACTION)
                    .user(user).detail(VigiIds.EVENT_DETAIL, GuardIds.EVENT_BLOCKED)
                    .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE).detail(Details.CREDENTIAL_ID, credentialId)
                    .error(GuardIds.ERROR_BLOCKED);
        }
    }

    /** The wrong codes in a row that the attribute value holds for this credential (0 for another or a broken value). */
    static int count(String value, String credentialId) {
        if (value == null || credentialId == null || !value.startsWith(credentialId + ":")) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.substring(credentialId.length() + 1)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package org.vigi2fa.accountchange;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.vigi2fa.notify.TwoFactorNotifier;

/**
 * A user's own password change (also at the end of "forgot password") and a verified e-mail change: start the
 * lost-phone pause and tell the user, the old address in the case of an e-mail change. Runs inside the request that
 * made the change, so the pause commits with it. An administrator's change is the help desk's decision: no pause.
 */
public final class AccountChanges {

    private AccountChanges() {
    }

    /** Whether this successful user event is such a change. */
    public static boolean concerns(Event event) {
        return isPasswordChange(event) || event.getType() == EventType.UPDATE_EMAIL;
    }

    public static void onUserEvent(KeycloakSession session, RealmModel realm, UserModel user, Event event) {
        if (!concerns(event)) {
            return;
        }
        CoolingOff.start(user);
        if (isPasswordChange(event)) {
            TwoFactorNotifier.passwordChanged(session, realm, user);
        } else {
            TwoFactorNotifier.emailChanged(session, realm, user, detail(event, Details.PREVIOUS_EMAIL));
        }
    }

    /** UPDATE_CREDENTIAL of type password; Keycloak's deprecated UPDATE_PASSWORD twin is ignored so one change mails once. */
    private static boolean isPasswordChange(Event event) {
        return event.getType() == EventType.UPDATE_CREDENTIAL && PasswordCredentialModel.TYPE.equals(detail(event, Details.CREDENTIAL_TYPE));
    }

    private static String detail(Event event, String key) {
        return event.getDetails() == null ? null : event.getDetails().get(key);
    }
}

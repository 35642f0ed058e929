package org.vigi2fa.accountchange;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.notify.TwoFactorNotifier;

/**
 * Reacts to a user's own password change (also at the end of "forgot password") and to a verified e-mail change in
 * VIGI realms: starts the lost-phone pause and tells the user, the old address in the case of an e-mail change.
 * Runs inside the request that made the change, so the pause commits with it.
 */
final class AccountChangeListener implements EventListenerProvider {

    private final KeycloakSession session;

    AccountChangeListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        boolean password = isPasswordChange(event);
        boolean email = event.getType() == EventType.UPDATE_EMAIL && event.getError() == null;
        if (!password && !email || event.getUserId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null || !TwoFactorSettings.isEnabledIn(session, realm)) {
            return;
        }
        UserModel user = session.users().getUserById(realm, event.getUserId());
        if (user == null) {
            return;
        }
        CoolingOff.start(user);
        if (password) {
            TwoFactorNotifier.passwordChanged(session, realm, user);
        } else {
            TwoFactorNotifier.emailChanged(session, realm, user, detail(event, Details.PREVIOUS_EMAIL));
        }
    }

    /** UPDATE_CREDENTIAL of type password; Keycloak's deprecated UPDATE_PASSWORD twin is ignored so one change mails once. */
    private static boolean isPasswordChange(Event event) {
        return event.getType() == EventType.UPDATE_CREDENTIAL && event.getError() == null
                && PasswordCredentialModel.TYPE.equals(detail(event, Details.CREDENTIAL_TYPE));
    }

    private static String detail(Event event, String key) {
        return event.getDetails() == null ? null : event.getDetails().get(key);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // An administrator's change is the help desk's decision; it starts no pause.
    }

    @Override
    public void close() {
    }
}

package org.vigi2fa.credential;

import java.util.Optional;

import org.keycloak.credential.CredentialMetadata;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.vigi2fa.ApplicationName;
import org.vigi2fa.ShownTime;
import org.vigi2fa.activity.Activity;
import org.vigi2fa.activity.SecurityActivity;

/**
 * What the account console's "Signing in" page shows under the authenticator, as its info line (a message key of the
 * account theme and its values, which keycloak.v3 renders on 26.4 and 26.7 alike): when it last signed the user in and
 * to which application. The console shows "Created" itself, so the turn-on date is not repeated. The time goes out as
 * epoch milliseconds and the message formats it in the browser ({@code {{0, datetime(...)}}}, i18next's Intl
 * formatter) with the options the console uses for "Created": the user's language, the browser's time zone, one style.
 */
final class AccountConsoleView {

    private AccountConsoleView() {
    }

    /** Sets the info line of this authenticator's row. */
    static void show(KeycloakSession session, UserModel user, CredentialModel credential, CredentialMetadata metadata) {
        Optional<Activity> use = SecurityActivity.lastSignIn(session, session.getContext().getRealm(), user, credential.getId());
        if (use.isEmpty()) {
            metadata.setInfoMessage(CredentialIds.MSG_NOT_USED_YET);
            return;
        }
        metadata.setInfoMessage(CredentialIds.MSG_LAST_USE, String.valueOf(use.get().createdAt()), ApplicationName.of(session,
                session.getContext().getRealm(), use.get().clientId(), ShownTime.localeOf(session, user)));
    }
}

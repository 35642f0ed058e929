package org.vigi2fa.credential;

import java.util.Optional;
import java.util.Set;

import org.keycloak.credential.CredentialMetadata;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.ApplicationName;
import org.vigi2fa.ShownTime;
import org.vigi2fa.VigiIds;
import org.vigi2fa.activity.Activity;
import org.vigi2fa.activity.SecurityActivity;

/**
 * What the account console's "Signing in" page shows under the authenticator, as its info line (a message key of the
 * account theme and its values, which keycloak.v3 renders on 26.4 and 26.7 alike): when it was moved to a new phone (the
 * console's "Created" stays the day 2FA went on) and when it last signed the user in and to which application. The
 * times go out as epoch milliseconds and the message formats them in the browser ({@code {{0, datetime(...)}}},
 * i18next's Intl formatter) with the options the console uses for "Created": the user's language, the browser's time
 * zone, one style.
 */
final class AccountConsoleView {

    private AccountConsoleView() {
    }

    /** Sets the info line of this authenticator's row. */
    static void show(KeycloakSession session, UserModel user, CredentialModel credential, CredentialMetadata metadata) {
        RealmModel realm = session.getContext().getRealm();
        Optional<Activity> use = SecurityActivity.lastSignIn(session, realm, user, credential.getId());
        Optional<Activity> moved = SecurityActivity.last(session, realm, user, credential.getId(), Set.of(VigiIds.EVENT_MOVED));
        if (use.isEmpty()) {
            moved.ifPresentOrElse(m -> metadata.setInfoMessage(CredentialIds.MSG_MOVED_NOT_USED_YET, String.valueOf(m.createdAt())),
                    () -> metadata.setInfoMessage(CredentialIds.MSG_NOT_USED_YET));
            return;
        }
        String application = ApplicationName.of(session, realm, use.get().clientId(), ShownTime.localeOf(session, user));
        String usedAt = String.valueOf(use.get().createdAt());
        if (moved.isPresent()) {
            metadata.setInfoMessage(CredentialIds.MSG_MOVED_LAST_USE, String.valueOf(moved.get().createdAt()), usedAt, application);
        } else {
            metadata.setInfoMessage(CredentialIds.MSG_LAST_USE, usedAt, application);
        }
    }
}

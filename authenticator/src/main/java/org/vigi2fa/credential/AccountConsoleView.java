package org.vigi2fa.credential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.keycloak.credential.CredentialMetadata.LocalizedMessage;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.ApplicationName;
import org.vigi2fa.ShownTime;
import org.vigi2fa.activity.Activity;
import org.vigi2fa.activity.SecurityActivity;

/**
 * What the account console's "Signing in" page shows under the authenticator, as credential info properties (a
 * message key of the account theme and one value each, which keycloak.v3 renders on 26.4 and 26.7 alike): when it
 * was turned on, when it last signed the user in and to which application. Dates are formatted here, in the user's
 * language, in UTC (the server does not know the browser's time zone, so the zone is named).
 */
final class AccountConsoleView {

    private AccountConsoleView() {
    }

    static List<LocalizedMessage> properties(KeycloakSession session, UserModel user, CredentialModel credential) {
        Locale locale = ShownTime.localeOf(session, user);
        List<LocalizedMessage> properties = new ArrayList<>();
        if (credential.getCreatedDate() != null) {
            properties.add(property(CredentialIds.MSG_TURNED_ON, ShownTime.utc(credential.getCreatedDate(), locale)));
        }
        RealmModel realm = session.getContext().getRealm();
        Optional<Activity> use = SecurityActivity.lastSignIn(session, realm, user, credential.getId());
        if (use.isEmpty()) {
            properties.add(property(CredentialIds.MSG_NOT_USED_YET, ""));
            return properties;
        }
        properties.add(property(CredentialIds.MSG_LAST_SIGN_IN, ShownTime.utc(use.get().createdAt(), locale)));
        properties.add(property(CredentialIds.MSG_APPLICATION, ApplicationName.of(session, realm, use.get().clientId(), locale)));
        return properties;
    }

    private static LocalizedMessage property(String key, String value) {
        return new LocalizedMessage(key, new Object[] {value});
    }
}

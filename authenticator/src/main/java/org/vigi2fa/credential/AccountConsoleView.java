package org.vigi2fa.credential;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.keycloak.credential.CredentialMetadata.LocalizedMessage;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;
import org.vigi2fa.activity.Activity;
import org.vigi2fa.activity.SecurityActivity;

/**
 * What the account console's "Signing in" page shows under the authenticator, as credential info properties (a
 * message key of the account theme and one value each, which keycloak.v3 renders on 26.4 and 26.7 alike): when it
 * was turned on, when it last signed the user in and to which application. Dates are formatted here, in the user's
 * language, in UTC (the server does not know the browser's time zone, so the zone is named).
 */
final class AccountConsoleView {

    private static final String UTC = " UTC";

    private AccountConsoleView() {
    }

    static List<LocalizedMessage> properties(KeycloakSession session, UserModel user, CredentialModel credential) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale(session, user)).withZone(ZoneOffset.UTC);
        List<LocalizedMessage> properties = new ArrayList<>();
        if (credential.getCreatedDate() != null) {
            properties.add(property(CredentialIds.MSG_TURNED_ON, format.format(Instant.ofEpochMilli(credential.getCreatedDate())) + UTC));
        }
        Optional<Activity> use = SecurityActivity.lastSignIn(session, session.getContext().getRealm(), user, credential.getId());
        if (use.isEmpty()) {
            properties.add(property(CredentialIds.MSG_NOT_USED_YET, ""));
            return properties;
        }
        properties.add(property(CredentialIds.MSG_LAST_SIGN_IN, format.format(Instant.ofEpochMilli(use.get().createdAt())) + UTC));
        properties.add(property(CredentialIds.MSG_APPLICATION, applicationName(session, use.get().clientId(), locale(session, user))));
        return properties;
    }

    /**
     * The client's display name as the realm gives it; a "${key}" name (Keycloak's own clients, e.g. the account
     * console) through the login theme's messages in the user's language; the client id when neither names it.
     */
    private static String applicationName(KeycloakSession session, String clientId, Locale locale) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = realm == null ? null : realm.getClientByClientId(clientId);
        String name = client == null ? null : client.getName();
        if (name == null || name.isBlank()) {
            return clientId;
        }
        if (!name.startsWith("${") || !name.endsWith("}")) {
            return name;
        }
        try {
            String shown = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale)
                    .getProperty(name.substring(2, name.length() - 1));
            return shown == null || shown.isBlank() ? clientId : shown;
        } catch (IOException e) {
            return clientId;
        }
    }

    private static Locale locale(KeycloakSession session, UserModel user) {
        Locale locale = session.getContext().resolveLocale(user);
        return locale == null ? Locale.ENGLISH : locale;
    }

    private static LocalizedMessage property(String key, String value) {
        return new LocalizedMessage(key, new Object[] {value});
    }
}

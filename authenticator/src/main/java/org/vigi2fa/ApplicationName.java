package org.vigi2fa;

import java.io.IOException;
import java.util.Locale;
import java.util.Properties;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/**
 * An application as a person knows it: the client's display name as the realm gives it ("VIGI VMS Cloud"); a name that
 * is a "${key}" (Keycloak's own clients, e.g. the account console) worded by the login theme in the person's language;
 * the client id when neither names it. The account console, the activity page and the new-device mail say it alike.
 */
public final class ApplicationName {

    private ApplicationName() {
    }

    public static String of(KeycloakSession session, RealmModel realm, String clientId, Locale locale) {
        ClientModel client = realm == null || clientId == null ? null : realm.getClientByClientId(clientId);
        String name = client == null ? null : client.getName();
        if (name == null || name.isBlank()) {
            return clientId;
        }
        if (!name.startsWith("${") || !name.endsWith("}")) {
            return name;
        }
        String shown = loginMessages(session, realm, locale).getProperty(name.substring(2, name.length() - 1));
        return shown == null || shown.isBlank() ? clientId : shown;
    }

    /** The login theme's messages in that language (empty when the theme cannot be read). */
    public static Properties loginMessages(KeycloakSession session, RealmModel realm, Locale locale) {
        try {
            return session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
        } catch (IOException e) {
            return new Properties();
        }
    }
}

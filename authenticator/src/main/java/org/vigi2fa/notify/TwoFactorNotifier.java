package org.vigi2fa.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.VigiIds;

/** The "2FA was turned on / off" mails to the account's own address. */
public final class TwoFactorNotifier {

    private static final Logger LOG = Logger.getLogger(TwoFactorNotifier.class);

    private TwoFactorNotifier() {
    }

    /** Tells the user 2FA was turned on. A mail failure is logged: the change itself already happened. */
    public static boolean turnedOn(KeycloakSession session, RealmModel realm, UserModel user) {
        return send(session, realm, user, "vigi2faEnabledSubject", VigiIds.TPL_MAIL_ENABLED);
    }

    /** Tells the user 2FA was turned off. */
    public static boolean turnedOff(KeycloakSession session, RealmModel realm, UserModel user) {
        return send(session, realm, user, "vigi2faDisabledSubject", VigiIds.TPL_MAIL_DISABLED);
    }

    private static boolean send(KeycloakSession session, RealmModel realm, UserModel user, String subjectKey, String template) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return false;
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("realmName", displayName(realm));
        attributes.put("username", user.getUsername());
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .send(subjectKey, List.of(displayName(realm)), template, attributes);
            return true;
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send %s to user %s of realm %s", template, user.getId(), realm.getName());
            return false;
        }
    }

    private static String displayName(RealmModel realm) {
        return realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName() : realm.getName();
    }
}

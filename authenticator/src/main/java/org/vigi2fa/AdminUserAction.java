package org.vigi2fa;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * An administrator's successful action on one user of a realm where VIGI 2FA is on, recognised in Keycloak's admin
 * event by its REST path ({@code users/{id}/<action>}). The capabilities read these events instead of patching
 * Keycloak's admin API; the realm and the user are looked up once for all of them.
 */
public record AdminUserAction(RealmModel realm, UserModel user, String action, AdminEvent event) {

    private static final Pattern USER_PATH = Pattern.compile("^users/([^/]+)/(.+)$");

    /** The action, or null when the event is another one, failed, or concerns a realm or user not (or no longer) there. */
    public static AdminUserAction of(KeycloakSession session, AdminEvent event) {
        if (event.getResourcePath() == null || event.getError() != null || event.getOperationType() != OperationType.ACTION) {
            return null;
        }
        Matcher path = USER_PATH.matcher(event.getResourcePath());
        RealmModel realm = !path.matches() || event.getRealmId() == null ? null : session.realms().getRealm(event.getRealmId());
        if (realm == null || !TwoFactorSettings.isEnabledIn(session, realm)) {
            return null;
        }
        UserModel user = session.users().getUserById(realm, path.group(1));
        return user == null ? null : new AdminUserAction(realm, user, path.group(2), event);
    }

    /** The action's path after {@code users/{id}/} matched against {@code pattern}, or null when it does not match. */
    public Matcher matching(Pattern pattern) {
        Matcher matcher = pattern.matcher(action);
        return matcher.matches() ? matcher : null;
    }

    /** The id of the administrator who acted, when the event names one. */
    public String administratorId() {
        return event.getAuthDetails() == null ? null : event.getAuthDetails().getUserId();
    }
}

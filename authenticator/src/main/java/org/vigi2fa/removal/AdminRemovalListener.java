package org.vigi2fa.removal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * The help desk's reset, seen through Keycloak's admin events: when an administrator removes a user's authenticator
 * (admin console "Delete" or {@code DELETE /admin/realms/{realm}/users/{id}/credentials/{credentialId}}), the
 * consequences of 2FA being off follow in the same request. Keycloak's admin API is not patched: it removes the
 * credential, then records the admin event this listener reads.
 */
final class AdminRemovalListener implements EventListenerProvider {

    /** users/{id}/credentials/{credentialId}: the removal (a label change or a move has a longer path). */
    private static final Pattern CREDENTIAL_PATH = Pattern.compile("^users/([^/]+)/credentials/([^/]+)$");

    private final KeycloakSession session;

    AdminRemovalListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        // user events: the product's own paths call TwoFactorRemoval themselves
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        Matcher path = event.getResourcePath() == null || event.getError() != null ? null : CREDENTIAL_PATH.matcher(event.getResourcePath());
        if (path == null || !path.matches() || event.getOperationType() != OperationType.ACTION) {
            return;
        }
        RealmModel realm = event.getRealmId() == null ? null : session.realms().getRealm(event.getRealmId());
        if (realm == null || !TwoFactorSettings.isEnabledIn(session, realm)) {
            return;
        }
        UserModel user = session.users().getUserById(realm, path.group(1));
        String credentialId = path.group(2);
        if (user != null && RemovedCredential.wasAuthenticator(session, realm, user, credentialId, event.getDetails())) {
            String admin = event.getAuthDetails() == null ? null : event.getAuthDetails().getUserId();
            TwoFactorRemoval.removedByAdministrator(session, realm, user, credentialId, admin);
        }
    }

    @Override
    public void close() {
    }
}

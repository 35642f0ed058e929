package org.vigi2fa.removal;

import java.util.regex.Pattern;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.vigi2fa.AdminUserAction;

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
        AdminUserAction action = AdminUserAction.of(session, event, CREDENTIAL_PATH);
        String credentialId = action == null ? null : action.path().group(2);
        if (action != null && RemovedCredential.wasAuthenticator(session, action.realm(), action.user(), credentialId, event.getDetails())) {
            String admin = event.getAuthDetails() == null ? null : event.getAuthDetails().getUserId();
            TwoFactorRemoval.removedByAdministrator(session, action.realm(), action.user(), credentialId, admin);
        }
    }

    @Override
    public void close() {
    }
}

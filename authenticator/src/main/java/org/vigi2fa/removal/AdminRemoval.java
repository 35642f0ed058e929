package org.vigi2fa.removal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.models.KeycloakSession;
import org.vigi2fa.AdminUserAction;

/**
 * The help desk's reset, seen through Keycloak's admin events: when an administrator removes a user's authenticator
 * (admin console "Delete" or {@code DELETE /admin/realms/{realm}/users/{id}/credentials/{credentialId}}), the
 * consequences of 2FA being off follow in the same request. Keycloak's admin API is not patched: it removes the
 * credential, then records the admin event read here. (User events need nothing: the product's own paths call
 * {@link TwoFactorRemoval} themselves.)
 */
public final class AdminRemoval {

    /** credentials/{credentialId}: the removal (a label change or a move has a longer path). */
    private static final Pattern CREDENTIAL_PATH = Pattern.compile("^credentials/([^/]+)$");

    private AdminRemoval() {
    }

    public static void onAdminAction(KeycloakSession session, AdminUserAction action) {
        Matcher path = action.matching(CREDENTIAL_PATH);
        String credentialId = path == null ? null : path.group(1);
        if (credentialId != null
                && RemovedCredential.wasAuthenticator(session, action.realm(), action.user(), credentialId, action.event().getDetails())) {
            TwoFactorRemoval.removedByAdministrator(session, action.realm(), action.user(), credentialId, action.administratorId());
        }
    }
}

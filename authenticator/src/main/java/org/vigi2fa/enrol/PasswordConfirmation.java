package org.vigi2fa.enrol;

import java.util.Set;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

/** Checks the re-typed password the way the login form does: failures count, a locked account answers "wrong" to all. */
final class PasswordConfirmation {

    /** The outcome of one attempt. */
    enum Result { CORRECT, WRONG, LOCKED }

    /** Longer input is never hashed: it counts as a wrong password. */
    static final int MAX_PASSWORD_LENGTH = 4096;

    private static final Set<String> CATEGORY = Set.of(PasswordCredentialModel.TYPE);

    private PasswordConfirmation() {
    }

    static Result check(RequiredActionContext context, String password) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        BruteForceProtector protector = context.getSession().getProvider(BruteForceProtector.class);
        boolean guarded = realm.isBruteForceProtected() && protector != null;
        if (guarded && (protector.isTemporarilyDisabled(context.getSession(), realm, user)
                || protector.isPermanentlyLockedOut(context.getSession(), realm, user))) {
            // Do not even look at the password: a locked account must not become an oracle for it.
            return Result.LOCKED;
        }
        if (password.length() <= MAX_PASSWORD_LENGTH && user.credentialManager().isValid(UserCredentialModel.password(password))) {
            if (guarded) {
                protector.successfulLogin(realm, user, context.getConnection(), context.getUriInfo(), CATEGORY);
            }
            return Result.CORRECT;
        }
        if (guarded) {
            protector.failedLogin(realm, user, context.getConnection(), context.getUriInfo(), CATEGORY);
        }
        return Result.WRONG;
    }
}

package org.vigi2fa.enrol;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.vigi2fa.guard.Reauthentication;

/** Checks the re-typed password the way the login form does: failures count, a locked account answers "wrong" to all. */
final class PasswordConfirmation {

    /** The outcome of one attempt. */
    enum Result { CORRECT, WRONG, LOCKED }

    private PasswordConfirmation() {
    }

    static Result check(RequiredActionContext context, String password) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        if (Reauthentication.isLocked(session, realm, user)) {
            // Do not even look at the password: a locked account must not become an oracle for it.
            return Result.LOCKED;
        }
        if (Reauthentication.passwordMatches(user, password)) {
            Reauthentication.countSuccess(session, realm, user, PasswordCredentialModel.TYPE);
            return Result.CORRECT;
        }
        Reauthentication.countFailure(session, realm, user, PasswordCredentialModel.TYPE);
        return Result.WRONG;
    }
}

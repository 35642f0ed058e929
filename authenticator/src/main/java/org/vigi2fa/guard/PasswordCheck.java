package org.vigi2fa.guard;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Re-checks the password of a signed-in user (turning 2FA on or off, new recovery codes, an emailed link opened in
 * another browser) as Keycloak's login form does: a locked account is not asked and a failure counts toward the lockout.
 * A right password resets nothing: a second factor checked after it (or the next completed sign-in) does, so a holder
 * of the password cannot clear the count of wrong codes between guesses.
 */
public final class PasswordCheck {

    private PasswordCheck() {
    }

    /** {@link Outcome#OK}, {@link Outcome#WRONG} (also for nothing typed) or {@link Outcome#LOCKED}. */
    public static Outcome check(KeycloakSession session, RealmModel realm, UserModel user, String password) {
        if (Reauthentication.isLocked(session, realm, user)) {
            // not even looked at: a locked account must not become an oracle for its password
            return Outcome.LOCKED;
        }
        if (!Reauthentication.passwordMatches(user, password)) {
            Reauthentication.countFailure(session, realm, user, PasswordCredentialModel.TYPE);
            return Outcome.WRONG;
        }
        return Outcome.OK;
    }
}

package org.vigi2fa.guard;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * Re-checks the current authenticator code of a signed-in user on a settings page (e.g. before an e-mail change):
 * the same input rules as the code step, Keycloak's OTP validation (single use, look-around window) and its
 * brute-force bookkeeping. A locked user gets {@link Outcome#LOCKED} before anything is checked.
 */
public final class CodeCheck {

    /** What the check found; only {@link #OK} lets the caller go on. */
    public enum Outcome { OK, MISSING, MALFORMED, WRONG, LOCKED }

    private CodeCheck() {
    }

    public static Outcome check(KeycloakSession session, RealmModel realm, UserModel user, String raw) {
        if (Reauthentication.isLocked(session, realm, user)) {
            return Outcome.LOCKED;
        }
        if (CodeInput.isBlank(raw)) {
            return Outcome.MISSING;
        }
        String code = CodeInput.normalise(raw, realm.getOTPPolicy().getDigits());
        boolean valid = code != null && user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .map(CredentialModel::getId)
                .anyMatch(id -> user.credentialManager().isValid(new UserCredentialModel(id, OTPCredentialModel.TYPE, code)));
        if (!valid) {
            Reauthentication.countFailure(session, realm, user, OTPCredentialModel.TYPE);
            return code == null ? Outcome.MALFORMED : Outcome.WRONG;
        }
        Reauthentication.countSuccess(session, realm, user, OTPCredentialModel.TYPE);
        return Outcome.OK;
    }
}

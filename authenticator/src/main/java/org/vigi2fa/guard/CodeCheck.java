package org.vigi2fa.guard;

import java.util.List;
import java.util.stream.Stream;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.vigi2fa.metrics.MetricsIds;
import org.vigi2fa.metrics.VigiMetrics;

/**
 * Re-checks a second factor of a signed-in user on a settings page (turning 2FA off, an e-mail change, new recovery
 * codes): the same input rules as the code step, Keycloak's own validation (single use, look-around window) and its
 * brute-force bookkeeping. A locked user gets {@link Outcome#LOCKED} before anything is checked.
 */
public final class CodeCheck {

    private CodeCheck() {
    }

    /** The current code of any of the user's authenticators. */
    public static Outcome check(KeycloakSession session, RealmModel realm, UserModel user, String raw) {
        return check(session, realm, user, raw, null);
    }

    /** The current code of one of these authenticators ({@code credentialIds} null: any of the user's). */
    public static Outcome check(KeycloakSession session, RealmModel realm, UserModel user, String raw, List<String> credentialIds) {
        if (Reauthentication.isLocked(session, realm, user)) {
            return Outcome.LOCKED;
        }
        if (CodeInput.isBlank(raw)) {
            return Outcome.MISSING;
        }
        String code = CodeInput.normalise(raw, realm.getOTPPolicy().getDigits());
        Stream<String> ids = credentialIds != null ? credentialIds.stream()
                : user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).map(CredentialModel::getId);
        boolean valid = code != null
                && ids.anyMatch(id -> user.credentialManager().isValid(new UserCredentialModel(id, OTPCredentialModel.TYPE, code)));
        if (code != null && !valid) {
            VigiMetrics.wrongCode(realm, MetricsIds.STEP_RE_CHECK);
        }
        return counted(session, realm, user, valid, code == null ? Outcome.MALFORMED : Outcome.WRONG);
    }

    /** One recovery code, already in the form the recovery-code credential stores ({@code null}: not a code). */
    public static Outcome checkRecoveryCode(KeycloakSession session, RealmModel realm, UserModel user, String code) {
        if (Reauthentication.isLocked(session, realm, user)) {
            return Outcome.LOCKED;
        }
        boolean valid = code != null && user.credentialManager().isValid(UserCredentialModel.buildFromBackupAuthnCode(code));
        return counted(session, realm, user, valid, code == null ? Outcome.MALFORMED : Outcome.WRONG);
    }

    /**
     * Spends a code that was already checked against a secret before it was stored (a move to a new phone): once the
     * credential holds that secret, Keycloak's own check puts the code in its used-code store as a sign-in would, so
     * the same code cannot sign in again. Not counted for the lockout: it is the proof of a change, not a guess.
     */
    public static boolean spend(UserModel user, String credentialId, String code) {
        return user.credentialManager().isValid(new UserCredentialModel(credentialId, OTPCredentialModel.TYPE, code));
    }

    /** A second factor's failure or success counts as an OTP attempt, as on Keycloak's OTP form. */
    private static Outcome counted(KeycloakSession session, RealmModel realm, UserModel user, boolean valid, Outcome failure) {
        if (!valid) {
            Reauthentication.countFailure(session, realm, user, OTPCredentialModel.TYPE);
            return failure;
        }
        Reauthentication.countSuccess(session, realm, user, OTPCredentialModel.TYPE);
        return Outcome.OK;
    }
}

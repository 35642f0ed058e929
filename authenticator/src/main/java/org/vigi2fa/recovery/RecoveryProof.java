package org.vigi2fa.recovery;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.vigi2fa.VigiIds;
import org.vigi2fa.guard.CodeCheck;
import org.vigi2fa.guard.CodeInput;
import org.vigi2fa.guard.Reauthentication;

/**
 * The proof "generate new codes" asks for when the session has not just seen it: the password and either the
 * current authenticator code or one recovery code (which is then used up). Failures count toward the lockout.
 */
final class RecoveryProof {

    private RecoveryProof() {
    }

    /** Null when both hold, else the message key saying which did not. */
    static String check(RequiredActionContext context, MultivaluedMap<String, String> form) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        if (Reauthentication.isLocked(session, realm, user)) {
            return RecoveryIds.MSG_LOCKED;
        }
        if (!Reauthentication.passwordMatches(user, form.getFirst(VigiIds.FIELD_PASSWORD))) {
            Reauthentication.countFailure(session, realm, user, PasswordCredentialModel.TYPE);
            return RecoveryIds.MSG_WRONG_PASSWORD;
        }
        String second = form.getFirst(RecoveryIds.FIELD_SECOND);
        if (CodeInput.normalise(second, realm.getOTPPolicy().getDigits()) != null) {
            // CodeCheck counts its own failure or success
            return CodeCheck.check(session, realm, user, second) == CodeCheck.Outcome.OK ? null : RecoveryIds.MSG_WRONG_SECOND;
        }
        String code = RecoveryCodeInput.normalise(second);
        if (code != null && user.credentialManager().isValid(UserCredentialModel.buildFromBackupAuthnCode(code))) {
            Reauthentication.countSuccess(session, realm, user, OTPCredentialModel.TYPE);
            return null;
        }
        Reauthentication.countFailure(session, realm, user, OTPCredentialModel.TYPE);
        return RecoveryIds.MSG_WRONG_SECOND;
    }
}

package org.vigi2fa.recovery;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.VigiIds;
import org.vigi2fa.guard.CodeCheck;
import org.vigi2fa.guard.CodeInput;
import org.vigi2fa.guard.Outcome;
import org.vigi2fa.guard.PasswordCheck;

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
        Outcome password = PasswordCheck.check(session, realm, user, form.getFirst(VigiIds.FIELD_PASSWORD));
        if (password != Outcome.OK) {
            return password.passwordMessage();
        }
        String second = form.getFirst(RecoveryIds.FIELD_SECOND);
        Outcome outcome = CodeInput.normalise(second, realm.getOTPPolicy().getDigits()) != null
                ? CodeCheck.check(session, realm, user, second)
                : CodeCheck.checkRecoveryCode(session, realm, user, RecoveryCodeInput.normalise(second));
        return switch (outcome) {
            case OK -> null;
            case LOCKED -> VigiIds.MSG_LOCKED;
            default -> RecoveryIds.MSG_WRONG_SECOND;
        };
    }
}

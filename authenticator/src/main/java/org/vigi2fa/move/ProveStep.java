package org.vigi2fa.move;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.VigiIds;
import org.vigi2fa.enrol.EnrolmentSecret;
import org.vigi2fa.guard.CodeCheck;
import org.vigi2fa.guard.CodeInput;
import org.vigi2fa.guard.Outcome;
import org.vigi2fa.guard.PasswordCheck;
import org.vigi2fa.recovery.RecoveryCodeInput;

/**
 * The first page of a move: the password (as every 2FA change asks) and the account's highest proof, the current code
 * of the old phone or one recovery code (NIST SP 800-63B-4 binds a new authenticator only after it). A session that
 * skipped the code (a trusted device) proves it here like any other. Failures count toward the lockout.
 */
final class ProveStep {

    private ProveStep() {
    }

    static void process(RequiredActionContext context, MultivaluedMap<String, String> form, EventBuilder event, CredentialModel current) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        Outcome password = PasswordCheck.check(session, realm, user, form.getFirst(VigiIds.FIELD_PASSWORD));
        if (password != Outcome.OK) {
            event.detail(VigiIds.EVENT_DETAIL, MoveIds.EVENT_PROVE).error(password.eventError());
            context.challenge(page(context, new FormMessage(VigiIds.FIELD_PASSWORD, password.passwordMessage()), null));
            return;
        }
        String second = form.getFirst(MoveIds.FIELD_SECOND);
        if (CodeInput.isBlank(second)) {
            context.challenge(page(context, new FormMessage(MoveIds.FIELD_SECOND, VigiIds.MSG_CODE_MISSING), null));
            return;
        }
        Outcome proof = CodeInput.normalise(second, realm.getOTPPolicy().getDigits()) != null
                ? CodeCheck.check(session, realm, user, second, List.of(current.getId()))
                : CodeCheck.checkRecoveryCode(session, realm, user, RecoveryCodeInput.normalise(second));
        if (proof != Outcome.OK) {
            event.detail(VigiIds.EVENT_DETAIL, MoveIds.EVENT_PROVE).error(proof.eventError());
            String message = proof == Outcome.LOCKED ? VigiIds.MSG_LOCKED : MoveIds.MSG_SECOND_WRONG;
            context.challenge(page(context, new FormMessage(MoveIds.FIELD_SECOND, message), null));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        MoveProof.grant(authSession, user, current);
        // made once: a reload or a wrong code keeps it, since the new phone may already hold it
        authSession.setAuthNote(MoveIds.AUTH_NOTE_SECRET, EnrolmentSecret.generate().base32());
        authSession.setAuthNote(MoveIds.AUTH_NOTE_STEP, MoveIds.STEP_SCAN);
        context.challenge(NewPhoneStep.page(context, null));
    }

    /** The page with a field error, or a message above the form (null: neither). */
    static Response page(RequiredActionContext context, FormMessage fieldError, String message) {
        LoginFormsProvider form = context.form().setAttribute(VigiIds.ATTR_USERNAME, context.getUser().getUsername());
        if (fieldError != null) {
            form.addError(fieldError);
        } else if (message != null) {
            form.setError(message);
        }
        return form.createForm(MoveIds.TPL_PROVE);
    }

    /** 2FA is not on (turned off meanwhile): nothing to move, the page says so and offers only "back". */
    static Response notOn(RequiredActionContext context) {
        return context.form().setAttribute(VigiIds.ATTR_NOT_ON, true).setError(MoveIds.MSG_NOT_ON).createForm(MoveIds.TPL_PROVE);
    }
}

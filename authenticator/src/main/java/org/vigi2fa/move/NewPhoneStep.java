package org.vigi2fa.move;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.CredentialValidation;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.validation.Validation;
import org.vigi2fa.OncePerBrowser;
import org.vigi2fa.VigiIds;
import org.vigi2fa.enrol.AuthenticatorName;
import org.vigi2fa.enrol.EnrolmentSecret;
import org.vigi2fa.enrol.KeyPage;
import org.vigi2fa.guard.CodeInput;

/**
 * The second page of a move: the QR code and key for the new phone (the enrolment's pieces), then its code. A wrong
 * code shows the same secret again; a right one hands over to MoveCommit, which replaces the old secret.
 */
final class NewPhoneStep {

    private NewPhoneStep() {
    }

    /** This browser tab's final submit of a move: its twins (a double-click) end as it did, checking nothing again. */
    static OncePerBrowser once(RequiredActionContext context) {
        return OncePerBrowser.of(MoveIds.ONCE_KEY_PREFIX, context.getUser().getId(), context.getAuthenticationSession(),
                MoveIds.ONCE_KEEP_SECONDS);
    }

    static void process(RequiredActionContext context, MultivaluedMap<String, String> form, EventBuilder event,
            OncePerBrowser.Work work, CredentialModel current) {
        String input = form.getFirst(VigiIds.FIELD_CODE);
        OTPPolicy policy = context.getRealm().getOTPPolicy();
        String code = CodeInput.normalise(input, policy.getDigits());
        if (code == null) {
            event.detail(VigiIds.EVENT_DETAIL, MoveIds.EVENT_SCAN).error(Errors.INVALID_INPUT);
            context.challenge(page(context, CodeInput.isBlank(input) ? VigiIds.MSG_CODE_MISSING : VigiIds.MSG_CODE_FORMAT));
            return;
        }
        OTPCredentialModel fresh = secret(context).credential(policy, null);
        if (!CredentialValidation.validOTP(code, fresh, policy.getLookAheadWindow())) {
            wrongCode(context, event);
            return;
        }
        String name = AuthenticatorName.of(form.getFirst(MoveIds.FIELD_NAME));
        if (MoveCommit.replace(context, current, fresh, name, code, event)) {
            work.succeeded();
            MoveCommit.finish(context, current);
        }
    }

    static void wrongCode(RequiredActionContext context, EventBuilder event) {
        event.detail(VigiIds.EVENT_DETAIL, MoveIds.EVENT_SCAN).error(Errors.INVALID_USER_CREDENTIALS);
        context.challenge(page(context, VigiIds.MSG_CODE_WRONG));
    }

    static EnrolmentSecret secret(RequiredActionContext context) {
        return EnrolmentSecret.of(context.getAuthenticationSession().getAuthNote(MoveIds.AUTH_NOTE_SECRET));
    }

    static Response page(RequiredActionContext context, String error) {
        OTPPolicy policy = context.getRealm().getOTPPolicy();
        LoginFormsProvider form = KeyPage.describe(context, secret(context)).setAttribute(MoveIds.ATTR_NAME, shownName(context));
        if (error != null) {
            form.addError(new FormMessage(Validation.FIELD_OTP_CODE, error, policy.getDigits()));
        }
        return form.createForm(MoveIds.TPL_SCAN);
    }

    /** The name typed with this post (kept when a wrong code shows the page again), else the authenticator's own. */
    private static String shownName(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String typed = form.containsKey(MoveIds.FIELD_NAME) ? AuthenticatorName.of(form.getFirst(MoveIds.FIELD_NAME)) : null;
        CredentialModel current = MoveProof.current(context.getUser());
        String name = typed != null ? typed : current == null ? null : current.getUserLabel();
        return name == null ? "" : name;
    }
}

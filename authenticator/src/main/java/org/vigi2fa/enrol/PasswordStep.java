package org.vigi2fa.enrol;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.VigiIds;
import org.vigi2fa.guard.Outcome;
import org.vigi2fa.guard.PasswordCheck;

/** The second page of turning 2FA on: the current password again; a right one creates the secret of the scan step. */
final class PasswordStep {

    private PasswordStep() {
    }

    static void process(RequiredActionContext context, MultivaluedMap<String, String> form, EventBuilder event) {
        String password = form.getFirst(EnrolIds.FIELD_PASSWORD);
        if (password == null || password.isEmpty()) {
            context.challenge(page(context, EnrolIds.MSG_PASSWORD_MISSING));
            return;
        }
        Outcome outcome = PasswordCheck.check(context.getSession(), context.getRealm(), context.getUser(), password);
        if (outcome != Outcome.OK) {
            event.detail(VigiIds.EVENT_DETAIL, EnrolIds.STEP_PASSWORD).error(outcome.eventError());
            context.challenge(page(context, outcome.passwordMessage()));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(EnrolIds.AUTH_NOTE_SECRET, EnrolmentSecret.generate().base32());
        authSession.setAuthNote(EnrolIds.AUTH_NOTE_STEP, EnrolIds.STEP_SCAN);
        context.challenge(ScanStep.page(context, null));
    }

    static Response page(RequiredActionContext context, String error) {
        LoginFormsProvider form = context.form().setAttribute(VigiIds.ATTR_USERNAME, context.getUser().getUsername());
        if (error != null) {
            form.addError(new FormMessage(EnrolIds.FIELD_PASSWORD, error));
        }
        return form.createForm(EnrolIds.TPL_ENABLE_PASSWORD);
    }
}

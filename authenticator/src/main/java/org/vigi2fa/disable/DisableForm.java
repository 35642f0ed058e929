package org.vigi2fa.disable;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import org.vigi2fa.OncePerBrowser;
import org.vigi2fa.VigiIds;
import org.vigi2fa.guard.CodeCheck;
import org.vigi2fa.guard.CodeInput;
import org.vigi2fa.guard.Outcome;
import org.vigi2fa.guard.PasswordCheck;
import org.vigi2fa.removal.TwoFactorRemoval;
import org.vigi2fa.metrics.MetricsIds;
import org.vigi2fa.metrics.VigiMetrics;

/** The "turn 2FA off" page: password and current code on one page, then removal. Shared by both entry points. */
final class DisableForm {

    private DisableForm() {
    }

    /** Shows the page; {@code credentialIds} null means every OTP credential of the user. */
    static void challenge(RequiredActionContext context, List<String> credentialIds) {
        if (once(context).done(context.getSession())) {
            // a twin of this page's submit arrived once that one had turned 2FA off (Keycloak shows the action again
            // then): done, as it said
            context.success();
            return;
        }
        page(context, credentialIds);
    }

    /** The form, or "2FA is not on" without one when there is nothing to turn off. */
    private static void page(RequiredActionContext context, List<String> credentialIds) {
        if (TwoFactorRemoval.targets(context.getUser(), credentialIds).isEmpty()) {
            context.challenge(form(context).setError(DisableIds.MSG_NOT_ON).setAttribute(VigiIds.ATTR_NOT_ON, true).createForm(DisableIds.TPL_DISABLE));
            return;
        }
        context.challenge(form(context).createForm(DisableIds.TPL_DISABLE));
    }

    /**
     * Checks password and code (failures count for brute force), then turns 2FA off. A twin of the submit from the
     * same browser (a double-click, back and submit again) waits for it and ends the same way, checking nothing again.
     */
    static void process(RequiredActionContext context, List<String> credentialIds, String how) {
        OncePerBrowser.Work work = once(context).begin(context.getSession());
        if (work == null) {
            context.success();
            return;
        }
        EventBuilder refused = context.getEvent().clone().event(EventType.REMOVE_CREDENTIAL).user(context.getUser())
                .detail(VigiIds.EVENT_DETAIL, how);
        List<CredentialModel> targets = TwoFactorRemoval.targets(context.getUser(), credentialIds);
        if (targets.isEmpty()) {
            refused.error(Errors.CREDENTIAL_NOT_FOUND);
            page(context, credentialIds);
            return;
        }
        if (refusedCredentials(context, targets, refused)) {
            return;
        }
        // The session the user is working in survives so the application gets its answer; every other one ends.
        String current = context.getAuthenticationSession().getParentSession().getId();
        TwoFactorRemoval.remove(context.getSession(), context.getRealm(), context.getUser(),
                targets.stream().map(CredentialModel::getId).collect(Collectors.toList()), context.getEvent(), how, current);
        if (TwoFactorRemoval.otpCredentials(context.getUser()).isEmpty()) {
            VigiMetrics.turnedOff(context.getSession(), context.getRealm(), MetricsIds.PATH_SETTINGS);
        }
        work.succeeded();
        context.success();
    }

    /** This browser's turning 2FA off for this user. */
    private static OncePerBrowser once(RequiredActionContext context) {
        return OncePerBrowser.of(DisableIds.ONCE_KEY_PREFIX, context.getUser().getId(), context.getAuthenticationSession(),
                DisableIds.ONCE_KEEP_SECONDS);
    }

    /** Locked, wrong password or wrong code (none of the targets'): shows the page with why and returns true. */
    private static boolean refusedCredentials(RequiredActionContext context, List<CredentialModel> targets, EventBuilder refused) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Outcome password = PasswordCheck.check(context.getSession(), context.getRealm(), context.getUser(),
                form.getFirst(VigiIds.FIELD_PASSWORD));
        if (password != Outcome.OK) {
            refused.error(password.eventError());
            context.challenge(page(context, new FormMessage(VigiIds.FIELD_PASSWORD, password.passwordMessage())));
            return true;
        }
        Outcome code = CodeCheck.check(context.getSession(), context.getRealm(), context.getUser(), form.getFirst(VigiIds.FIELD_CODE),
                targets.stream().map(CredentialModel::getId).toList());
        if (code != Outcome.OK) {
            refused.error(code.eventError());
            context.challenge(page(context, new FormMessage(VigiIds.FIELD_CODE, code.codeMessage())));
            return true;
        }
        return false;
    }

    private static LoginFormsProvider form(RequiredActionContext context) {
        return CodeInput.describe(context.form(), context.getRealm());
    }

    private static Response page(RequiredActionContext context, FormMessage fieldError) {
        return form(context).addError(fieldError).createForm(DisableIds.TPL_DISABLE);
    }
}

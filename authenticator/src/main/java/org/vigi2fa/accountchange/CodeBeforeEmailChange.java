package org.vigi2fa.accountchange;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateEmail;
import org.keycloak.events.EventType;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.validation.Validation;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.guard.CodeCheck;
import org.vigi2fa.guard.CodeInput;
import org.vigi2fa.guard.Outcome;

/**
 * Keycloak's {@code UPDATE_EMAIL} (the account console's "Update email"), same id so it replaces the built-in one:
 * in VIGI realms a user with 2FA first types the current code, then Keycloak's own page takes the new address,
 * which (with the action's "force email verification") counts only once confirmed from that mailbox.
 */
public final class CodeBeforeEmailChange extends UpdateEmail {

    /** Above Keycloak's own UPDATE_EMAIL (order 0), so this one is the provider of that id. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (needsCode(context)) {
            context.challenge(codePage(context, null));
            return;
        }
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (!needsCode(context)) {
            super.processAction(context);
            return;
        }
        String raw = context.getHttpRequest().getDecodedFormParameters().getFirst(VigiIds.FIELD_CODE);
        Outcome outcome = CodeCheck.check(context.getSession(), context.getRealm(), context.getUser(), raw);
        if (outcome != Outcome.OK) {
            context.getEvent().clone().event(EventType.UPDATE_EMAIL_ERROR).user(context.getUser())
                    .detail(VigiIds.EVENT_DETAIL, AccountChangeIds.EVENT_EMAIL_CODE).error(outcome.eventError());
            context.challenge(codePage(context, outcome.codeMessage()));
            return;
        }
        context.getAuthenticationSession().setAuthNote(AccountChangeIds.AUTH_NOTE_CODE_OK, Boolean.TRUE.toString());
        super.requiredActionChallenge(context);
    }

    private static boolean needsCode(RequiredActionContext context) {
        return context.getAuthenticationSession().getAuthNote(AccountChangeIds.AUTH_NOTE_CODE_OK) == null
                && TwoFactorSettings.isEnabledIn(context.getSession(), context.getRealm())
                && context.getUser().credentialManager().isConfiguredFor(OTPCredentialModel.TYPE);
    }

    private static Response codePage(RequiredActionContext context, String error) {
        var form = CodeInput.describe(context.form(), context.getRealm())
                .setAttribute(VigiIds.ATTR_LOST_PHONE_OFFERED, false)
                .setAttribute(VigiIds.ATTR_CODE_INTRO, AccountChangeIds.MSG_INTRO);
        if (error != null) {
            form.addError(new FormMessage(Validation.FIELD_OTP_CODE, error));
        }
        return form.createForm(VigiIds.TPL_CODE);
    }
}

package org.vigi2fa.recovery;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.vigi2fa.VigiIds;

/** The pages of {@link RecoveryCodesFlow}: manage (codes left, generate) and the new list. */
final class RecoveryPages {

    private RecoveryPages() {
    }

    static Response notOn(RequiredActionContext context) {
        return context.form().setError(RecoveryIds.MSG_NOT_ON).setAttribute(VigiIds.ATTR_NOT_ON, true)
                .createForm(RecoveryIds.TPL_MANAGE);
    }

    static Response manage(RequiredActionContext context, String error) {
        UserModel user = context.getUser();
        int left = RecoveryCodes.left(user);
        LoginFormsProvider form = context.form()
                .setAttribute(RecoveryIds.ATTR_LEFT, left)
                .setAttribute(RecoveryIds.ATTR_TOTAL, RecoveryCodes.total(user))
                .setAttribute(RecoveryIds.ATTR_LOW, left < RecoveryIds.LOW)
                .setAttribute(RecoveryIds.ATTR_SKIPPABLE, skippable(context))
                .setAttribute(RecoveryIds.ATTR_NEEDS_PROOF, !RecoveryOffer.verified(context.getAuthenticationSession(), user));
        if (error != null) {
            String field = VigiIds.MSG_PASSWORD_WRONG.equals(error) ? VigiIds.FIELD_PASSWORD
                    : RecoveryIds.MSG_WRONG_SECOND.equals(error) ? RecoveryIds.FIELD_SECOND : null;
            if (field == null) {
                form.setError(error);
            } else {
                form.addError(new FormMessage(field, error));
            }
        }
        return form.createForm(RecoveryIds.TPL_MANAGE);
    }

    /** The list in groups of four characters joined by dashes, numbered from 1 in the template. */
    static Response codes(RequiredActionContext context, List<String> codes, String error) {
        LoginFormsProvider form = context.form()
                .setAttribute(RecoveryIds.ATTR_CODES, codes.stream()
                        .map(RecoveryCodeInput::grouped).collect(Collectors.toList()))
                .setAttribute(RecoveryIds.ATTR_SKIPPABLE, skippable(context));
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(RecoveryIds.TPL_CODES);
    }

    /** Skipping is refused only while the setting requires codes and the user has none yet. */
    static boolean skippable(RequiredActionContext context) {
        return !RecoveryCodesFlow.required(context) || RecoveryCodes.left(context.getUser()) > 0;
    }
}

package org.vigi2fa.disable;

import java.util.List;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.DeleteCredentialAction;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.Constants;
import org.keycloak.models.credential.OTPCredentialModel;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * Keycloak's {@code delete_credential} (the account console's "Delete"), same id so it replaces the built-in one:
 * in VIGI realms an OTP credential goes through the VIGI "turn 2FA off" page (password + current code);
 * everything else behaves exactly like Keycloak's.
 */
public final class GuardedDeleteCredentialAction extends DeleteCredentialAction {

    /** Above Keycloak's own delete_credential (order 0), so this one is the provider of that id. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        String otpId = guardedOtpId(context);
        if (otpId == null) {
            super.requiredActionChallenge(context);
            return;
        }
        DisableForm.challenge(context, List.of(otpId));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        String otpId = guardedOtpId(context);
        if (otpId == null) {
            super.processAction(context);
            return;
        }
        DisableForm.process(context, List.of(otpId), DisableIds.EVENT_ACCOUNT_CONSOLE);
    }

    /** The credential id when it names an OTP credential of a VIGI realm, else null. */
    private static String guardedOtpId(RequiredActionContext context) {
        String credentialId = context.getAuthenticationSession().getClientNote(Constants.KC_ACTION_PARAMETER);
        if (credentialId == null || !TwoFactorSettings.isEnabledIn(context.getSession(), context.getRealm())) {
            return null;
        }
        CredentialModel credential = context.getUser().credentialManager().getStoredCredentialById(credentialId);
        return credential != null && OTPCredentialModel.TYPE.equals(credential.getType()) ? credentialId : null;
    }
}

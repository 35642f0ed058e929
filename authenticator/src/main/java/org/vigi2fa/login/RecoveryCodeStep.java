package org.vigi2fa.login;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.vigi2fa.VigiIds;
import org.vigi2fa.activity.ActivityIds;
import org.vigi2fa.activity.SecurityActivity;
import org.vigi2fa.notify.TwoFactorNotifier;
import org.vigi2fa.recovery.RecoveryCodeInput;
import org.vigi2fa.recovery.RecoveryCodes;
import org.vigi2fa.recovery.RecoveryIds;
import org.vigi2fa.recovery.RecoveryOffer;
import org.vigi2fa.removal.TwoFactorRemoval;
import org.vigi2fa.stepup.LevelOfAuthentication;

/**
 * "Use a recovery code" on the code page: Keycloak's recovery-code credential checked in place of the authenticator
 * code, with the same lockout rules (a wrong or malformed code is a failed attempt). A user with codes left who
 * clicks "Can't use your authenticator app?" is offered a code first, the mailed link second.
 */
final class RecoveryCodeStep {

    private RecoveryCodeStep() {
    }

    /** Handles the posts that concern recovery codes; false for the others. */
    static boolean handle(TwoFactorCodeAuthenticator step, AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        boolean left = context.getUser() != null && RecoveryCodes.left(context.getUser()) > 0;
        if (form.containsKey(RecoveryIds.FIELD_CODE)) {
            validate(step, context, form.getFirst(RecoveryIds.FIELD_CODE));
        } else if (form.containsKey(RecoveryIds.FIELD_BACK)) {
            context.challenge(step.challenge(context, null, null));
        } else if (form.containsKey(RecoveryIds.FIELD_USE) && left) {
            context.challenge(page(context, false, null));
        } else if (form.containsKey(LoginIds.FIELD_LOST_PHONE) && !form.containsKey(RecoveryIds.FIELD_MAIL_INSTEAD)
                && left && TwoFactorCodeAuthenticator.lostPhoneOffered(context)) {
            context.challenge(page(context, true, null));
        } else {
            return false;
        }
        return true;
    }

    private static void validate(TwoFactorCodeAuthenticator step, AuthenticationFlowContext context, String raw) {
        context.getEvent().detail(Details.CREDENTIAL_TYPE, RecoveryAuthnCodesCredentialModel.TYPE)
                .detail(VigiIds.EVENT_DETAIL, RecoveryIds.EVENT_USED);
        if (!step.userMayTry(context)) {
            return;
        }
        if (RecoveryCodeInput.isBlank(raw)) {
            context.challenge(page(context, false, RecoveryIds.MSG_MISSING));
            return;
        }
        UserModel user = context.getUser();
        String code = RecoveryCodeInput.normalise(raw);
        if (code == null || !user.credentialManager().isValid(UserCredentialModel.buildFromBackupAuthnCode(code))) {
            // malformed input is a failed attempt too, as on the authenticator-code form
            context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    page(context, false, code == null ? RecoveryIds.MSG_MALFORMED : RecoveryIds.MSG_WRONG));
            return;
        }
        signIn(context, user);
    }

    /** The code held: the session counts as verified with the user's authenticator, the user is told, a reminder may follow. */
    private static void signIn(AuthenticationFlowContext context, UserModel user) {
        TwoFactorRemoval.otpCredentials(user).stream().findFirst()
                .ifPresent(otp -> context.getAuthenticationSession().setUserSessionNote(VigiIds.NOTE_2FA_CREDENTIAL, otp.getId()));
        int left = RecoveryCodes.left(user);
        context.getEvent().detail(RecoveryIds.DETAIL_LEFT, Integer.toString(left));
        TwoFactorNotifier.recoveryCodeUsed(context.getSession(), context.getRealm(), user, left);
        RecoveryOffer.afterSignIn(context);
        SecurityActivity.recordSignIn(context.getSession(), context.getRealm(), user, ActivityIds.KIND_SIGN_IN_RECOVERY,
                context.getAuthenticationSession().getClient().getClientId(), null);
        LevelOfAuthentication.secondFactorPassed(context);
        context.success(RecoveryAuthnCodesCredentialModel.TYPE);
    }

    static Response page(AuthenticationFlowContext context, boolean lostPhone, String error) {
        var form = context.form()
                .setAttribute(RecoveryIds.ATTR_NUMBER, RecoveryCodes.nextNumber(context.getUser()))
                .setAttribute(RecoveryIds.ATTR_LOST_PHONE, lostPhone);
        if (error != null) {
            form.addError(new FormMessage(RecoveryIds.FIELD_CODE, error));
        }
        return form.createForm(RecoveryIds.TPL_INPUT);
    }
}

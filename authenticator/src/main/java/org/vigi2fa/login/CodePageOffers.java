package org.vigi2fa.login;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.vigi2fa.VigiIds;
import org.vigi2fa.guard.CodeInput;
import org.vigi2fa.recovery.RecoveryCodes;
import org.vigi2fa.recovery.RecoveryIds;
import org.vigi2fa.trust.DeviceTrust;

/**
 * What the code page offers beside its input (the lost-phone link or, in the reset flow, its own intro; "Use a
 * recovery code"; "Don't ask again on this device") and the input's rules, set on the request's form. Every way to the
 * code page sets them: the first showing, a wrong code, and a refused lost-phone request, which shows the same page.
 */
final class CodePageOffers {

    private CodePageOffers() {
    }

    static void describe(AuthenticationFlowContext context) {
        boolean lostPhone = TwoFactorCodeAuthenticator.lostPhoneOffered(context);
        context.form().setAttribute(VigiIds.ATTR_LOST_PHONE_OFFERED, lostPhone);
        context.form().setAttribute(RecoveryIds.ATTR_OFFERED, context.getUser() != null && RecoveryCodes.left(context.getUser()) > 0);
        if (!lostPhone) {
            context.form().setAttribute(VigiIds.ATTR_CODE_INTRO, LoginIds.MSG_RESET_INTRO);
        }
        DeviceTrust.offer(context);
        CodeInput.describe(context.form(), context.getRealm());
    }
}

package org.vigi2fa.login;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;
import org.keycloak.forms.login.LoginFormsProvider;
import org.vigi2fa.VigiIds;

/**
 * The code step after the password: Keycloak's OTP form logic (credential provider, realm policy,
 * single-use codes, brute-force protection) rendered on the VIGI page that also offers the lost-phone link.
 */
public final class TwoFactorCodeAuthenticator extends OTPFormAuthenticator {

    @Override
    public void action(AuthenticationFlowContext context) {
        if (context.getHttpRequest().getDecodedFormParameters().containsKey(VigiIds.FIELD_LOST_PHONE)) {
            LostPhoneHook.handle(context);
            return;
        }
        validateOTP(context);
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        return form.createForm(VigiIds.TPL_CODE);
    }
}

package org.vigi2fa.enrol;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.OTPPolicy;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.guard.CodeInput;

/**
 * What a page handing a new key to a phone shows: its QR code, the key in groups of four, the issuer and account the app
 * lists, the period, the longest name and the code field's rule. Turning 2FA on and moving it to a new phone show the
 * same, so the two pages cannot drift apart.
 */
public final class KeyPage {

    private KeyPage() {
    }

    /** The form with the key's attributes set; the caller adds its own and picks the template. */
    public static LoginFormsProvider describe(RequiredActionContext context, EnrolmentSecret secret) {
        OTPPolicy policy = context.getRealm().getOTPPolicy();
        String issuer = TwoFactorSettings.of(context.getSession(), context.getRealm()).issuer();
        String account = context.getUser().getUsername();
        return CodeInput.describe(context.form(), context.getRealm())
                .setAttribute(EnrolIds.ATTR_QR, QrCode.pngDataUri(secret.keyUri(policy, issuer, account)))
                .setAttribute(EnrolIds.ATTR_SECRET, secret.grouped())
                .setAttribute(EnrolIds.ATTR_ISSUER, issuer)
                .setAttribute(EnrolIds.ATTR_ACCOUNT, account)
                .setAttribute(EnrolIds.ATTR_PERIOD, policy.getPeriod())
                .setAttribute(EnrolIds.ATTR_NAME_MAX, AuthenticatorName.MAX_LENGTH);
    }
}

package org.vigi2fa.login;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.CookieAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;
import org.vigi2fa.VigiIds;

/** Registers the 2FA-aware SSO cookie step used in place of Keycloak's "Cookie" in the VIGI browser flow. */
public final class TwoFactorCookieAuthenticatorFactory extends CookieAuthenticatorFactory {

    private static final TwoFactorCookieAuthenticator SINGLETON = new TwoFactorCookieAuthenticator();

    @Override
    public String getId() {
        return VigiIds.COOKIE_AUTHENTICATOR;
    }

    @Override
    public String getDisplayType() {
        return "VIGI 2FA - cookie (2FA-aware SSO)";
    }

    @Override
    public String getHelpText() {
        return "Use it instead of Keycloak's Cookie, as the first Alternative of a VIGI browser flow: single sign-on as "
                + "usual, but for a user with 2FA only a session that passed the code with the current authenticator "
                + "counts (Keycloak's Cookie would let a session from before 2FA was turned on skip the code).";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}

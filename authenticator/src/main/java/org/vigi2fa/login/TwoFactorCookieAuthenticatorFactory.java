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
        return "Keycloak's SSO cookie step; for users with 2FA it only accepts sessions verified with their current authenticator.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}

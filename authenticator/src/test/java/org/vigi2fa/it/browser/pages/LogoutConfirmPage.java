package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Keycloak's sign-out page (logout-confirm.ftl, "Sign out" under the vigi theme), from the realm's logout endpoint. */
public final class LogoutConfirmPage extends KeycloakPage<LogoutConfirmPage> {

    public LogoutConfirmPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-logout-confirm";
    }

    public void logOut() {
        browser.click("#kc-logout");
    }
}

package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Turning 2FA on, step 2: the current password again (vigi-2fa-enable-password.ftl). */
public final class EnablePasswordPage extends KeycloakPage<EnablePasswordPage> {

    public EnablePasswordPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-enable-password";
    }

    public void confirm(String password) {
        browser.type("#password", password);
        browser.click("#vigi-password-submit");
    }
}

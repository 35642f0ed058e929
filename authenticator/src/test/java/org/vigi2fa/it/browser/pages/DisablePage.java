package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Turning 2FA off from account settings: password and current code (vigi-2fa-disable.ftl). */
public final class DisablePage extends KeycloakPage<DisablePage> {

    public DisablePage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-disable";
    }

    public void turnOff(String password, String code) {
        browser.type("#password", password);
        browser.type("#otp", code);
        browser.click("#vigi-disable-submit");
    }

    /** "Cancel": 2FA stays on, back to the application. */
    public void cancel() {
        browser.click("#vigi-cancel");
    }
}

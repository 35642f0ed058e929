package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** The emailed link's page: what will happen, and a button (vigi-2fa-lost-confirm.ftl). */
public final class LostConfirmPage extends KeycloakPage<LostConfirmPage> {

    public LostConfirmPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-lost-confirm";
    }

    /** Opened in a browser without the original login, the page asks for the password too. */
    public boolean asksForPassword() {
        return browser.has("#password");
    }

    public void confirm(String password) {
        if (password != null) {
            browser.type("#password", password);
        }
        browser.click("#vigi-disable-confirm");
    }
}

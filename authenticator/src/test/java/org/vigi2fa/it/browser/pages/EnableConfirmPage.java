package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Turning 2FA on, step 1: what 2FA is and which applications it guards (vigi-2fa-enable-confirm.ftl). */
public final class EnableConfirmPage extends KeycloakPage<EnableConfirmPage> {

    public EnableConfirmPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-enable-confirm";
    }

    public void continueToPassword() {
        browser.click("#vigi-continue");
    }
}

package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** 2FA is off after the emailed link (vigi-2fa-lost-done.ftl). */
public final class LostDonePage extends KeycloakPage<LostDonePage> {

    public LostDonePage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-lost-done";
    }
}

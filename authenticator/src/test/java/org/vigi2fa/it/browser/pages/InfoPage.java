package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Keycloak's information page (info.ftl), e.g. "You are signed out". */
public final class InfoPage extends KeycloakPage<InfoPage> {

    public InfoPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-info";
    }
}

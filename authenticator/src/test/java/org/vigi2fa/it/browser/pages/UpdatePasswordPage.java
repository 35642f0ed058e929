package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Keycloak's "choose a new password" page (login-update-password.ftl), e.g. after "This wasn't me". */
public final class UpdatePasswordPage extends KeycloakPage<UpdatePasswordPage> {

    public UpdatePasswordPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-login-update-password";
    }

    /** The new password twice, then submit. */
    public void choose(String password) {
        browser.type("#password-new", password);
        browser.type("#password-confirm", password);
        browser.click("#kc-submit");
    }
}

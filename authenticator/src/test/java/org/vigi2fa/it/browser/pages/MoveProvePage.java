package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Moving 2FA to a new phone, first page: the password and the old phone's code or a recovery code (vigi-2fa-move-prove.ftl). */
public final class MoveProvePage extends KeycloakPage<MoveProvePage> {

    public MoveProvePage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-move-prove";
    }

    public void prove(String password, String codeOrRecoveryCode) {
        browser.type("#password", password);
        browser.type("#proof", codeOrRecoveryCode);
        browser.click("#vigi-move-prove-submit");
    }
}

package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** "Use a recovery code": the recovery-code input of the sign-in (vigi-2fa-recovery-code.ftl). */
public final class RecoveryCodePage extends KeycloakPage<RecoveryCodePage> {

    public RecoveryCodePage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-recovery-code";
    }

    public void enter(String code) {
        browser.type("#recoveryCodeInput", code);
        browser.click("#vigi-recovery-submit");
    }

    /** "Back to the code from the app". */
    public void back() {
        browser.click("#vigi-recovery-back");
    }

    /** On the lost-phone variant: "send me an e-mail link instead". */
    public void mailInstead() {
        browser.click("#vigi-lost-phone-mail");
    }
}

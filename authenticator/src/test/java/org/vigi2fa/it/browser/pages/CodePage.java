package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** The VIGI code step after the password (vigi-2fa-code.ftl). */
public final class CodePage extends KeycloakPage<CodePage> {

    public CodePage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-code";
    }

    public void enterCode(String code) {
        browser.type("#otp", code);
        browser.click("#kc-login");
    }

    /** Ticks "Don't ask again on this device", then submits the code. */
    public void enterCodeTrustingThisDevice(String code) {
        browser.click("#vigi-trust-device");
        enterCode(code);
    }

    /** "Can't use your authenticator app?" */
    public void lostPhone() {
        browser.click("#vigi-lost-phone");
    }

    /** "Use a recovery code", shown to users with codes left. */
    public void useRecoveryCode() {
        browser.click("#vigi-recovery-use");
    }
}

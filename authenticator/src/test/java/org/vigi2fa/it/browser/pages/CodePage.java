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

    /**
     * Submits the code as a person retyping after an error would: the code step checks one code per user per
     * second and answers "please wait a moment" to a faster try (checking and counting nothing), so it submits
     * again while that is the answer.
     */
    public void enterCodeAfterAnError(String code, String tooFastMessage) {
        for (int tries = 0; tries < 30; tries++) {
            enterCode(code);
            browser.awaitNextDocument();
            if (!pageId().equals(browser.pageId()) || !announcedMessages().contains(tooFastMessage)) {
                return;
            }
        }
        throw new AssertionError("The code step kept answering: " + tooFastMessage);
    }

    /** "Can't use your authenticator app?" */
    public void lostPhone() {
        browser.click("#vigi-lost-phone");
    }
}

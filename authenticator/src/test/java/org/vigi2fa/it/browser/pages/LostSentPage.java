package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** "Check your mailbox" after "can't use your app?" (vigi-2fa-lost-sent.ftl). */
public final class LostSentPage extends KeycloakPage<LostSentPage> {

    public LostSentPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-lost-sent";
    }

    public String maskedEmail() {
        return browser.find("#vigi-masked-email").getText().trim();
    }

    /** Whether "Send the link again" is shown (only once the request cooldown allows another link). */
    public boolean offersSendAgain() {
        return browser.find("#vigi-lost-resend").isDisplayed();
    }

    /** "Back to sign-in": the sign-in starts over. */
    public void backToSignIn() {
        browser.click("#vigi-back-to-sign-in");
    }
}

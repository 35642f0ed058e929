package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Step-up: "This application needs two-factor authentication" (vigi-2fa-needed.ftl). */
public final class NeededPage extends KeycloakPage<NeededPage> {

    public NeededPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-needed";
    }

    /** "Turn on two-factor authentication": on to the enrolment. */
    public void turnOn() {
        browser.click("#vigi-needed-enable");
    }

    /** "Not now": back to the application, which hears that its requirement was not met. */
    public void notNow() {
        browser.click("#vigi-needed-decline");
    }
}

package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** "This wasn't me": what securing the account does, and the button (vigi-2fa-report-confirm.ftl). */
public final class ReportConfirmPage extends KeycloakPage<ReportConfirmPage> {

    public ReportConfirmPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-report-confirm";
    }

    /** "Secure my account" (a POST; opening the page changed nothing). */
    public void secure() {
        browser.click("#vigi-report-confirm");
    }
}

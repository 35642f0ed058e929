package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** "This wasn't me" done: signed out everywhere, a new password at the next sign-in (vigi-2fa-report-done.ftl). */
public final class ReportDonePage extends KeycloakPage<ReportDonePage> {

    public ReportDonePage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-report-done";
    }
}

package org.vigi2fa.it.browser.pages;

import org.vigi2fa.testing.browser.Browser;

/** Recovery codes in account settings: codes left and "generate new codes" (vigi-2fa-recovery-manage.ftl). */
public final class RecoveryManagePage extends KeycloakPage<RecoveryManagePage> {

    public RecoveryManagePage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-recovery-manage";
    }

    public String left() {
        return browser.find("#vigi-recovery-left").getText().trim();
    }

    /** Password and a second factor, then "generate new codes". */
    public void generate(String password, String second) {
        browser.type("#password", password);
        browser.type("#second", second);
        browser.click("#vigi-recovery-generate");
    }
}

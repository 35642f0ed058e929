package org.vigi2fa.it.browser.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigi2fa.testing.browser.Browser;

/** The new set of recovery codes, after enrolment or "generate new codes" (vigi-2fa-recovery-codes.ftl). */
public final class RecoveryCodesPage extends KeycloakPage<RecoveryCodesPage> {

    public RecoveryCodesPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-recovery-codes";
    }

    /** The codes as shown: four groups of four characters joined by hyphens. */
    public List<String> codes() {
        return browser.driver().findElements(By.cssSelector("#vigi-recovery-codes li")).stream().map(WebElement::getText).toList();
    }

    public boolean offersCopyDownloadAndPrint() {
        return browser.has("#vigi-recovery-copy") && browser.has("#vigi-recovery-download") && browser.has("#vigi-recovery-print");
    }

    /** Ticks "I saved these codes" and submits. */
    public void saved() {
        browser.click("#saved");
        browser.click("#vigi-recovery-saved");
    }
}

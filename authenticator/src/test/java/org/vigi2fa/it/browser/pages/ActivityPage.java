package org.vigi2fa.it.browser.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigi2fa.testing.browser.Browser;

/** "Recent security activity" (vigi-2fa-activity.ftl). */
public final class ActivityPage extends KeycloakPage<ActivityPage> {

    public ActivityPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-vigi-2fa-activity";
    }

    /** The times as the page shows them after its script ran. */
    public List<String> times() {
        return browser.driver().findElements(By.cssSelector("#vigi-activity-rows time")).stream().map(WebElement::getText).toList();
    }

    /** "Back to account settings". */
    public void back() {
        browser.click("#vigi-activity-back");
    }
}

package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigi2fa.it.rollout.RolloutSupport;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.browser.Screenshots;
import org.vigi2fa.testing.server.ServerSettings;

/**
 * The rollout policy as an administrator sets it in Keycloak's admin console (Authentication, Required actions, the
 * gear of the rollout policy): an unknown group is refused with the reason in the console's alert and nothing is saved;
 * a real group and a count are saved. Screenshots into target/screenshots/rollout-console.
 */
@VigiTest
class RolloutConsoleIT {

    private static final String GROUPS = "[data-testid='config.groups0']";

    @Test
    void thePolicyFormRefusesAnUnknownGroupAndSavesARealOne(VigiEnvironment env) {
        String group = RolloutSupport.groupOf(env);
        Map<String, String> before = RolloutSupport.policy(env, Map.of());
        Screenshots pictures = new Screenshots("rollout-console", Screen.DESKTOP).clean();
        try (Browser browser = Browser.start(Screen.DESKTOP, pictures)) {
            browser.open(env.baseUrl() + "/admin/master/console/#/" + VigiEnvironment.REALM + "/authentication/required-actions");
            browser.awaitUntil("the admin sign-in", () -> browser.has("#username"));
            browser.type("#username", ServerSettings.ADMIN_USER);
            browser.type("#password", ServerSettings.ADMIN_PASSWORD);
            browser.click("#kc-login");
            openPolicyForm(browser);

            browser.type(GROUPS, "/no-such-group");
            browser.click("[data-testid='save']");
            browser.awaitUntil("the console's error alert", () -> text(browser).contains("Unknown group: /no-such-group"));
            pictures.take(browser.driver(), "refused");
            assertEquals(Map.of(), RolloutSupport.current(env.realm().flows()), "nothing saved");

            browser.find(GROUPS).clear();
            browser.type(GROUPS, group);
            WebElement count = browser.find("[data-testid='postponements']");
            count.clear();
            count.sendKeys("2");
            browser.click("[data-testid='save']");
            browser.awaitUntil("the policy saved", () -> group.equals(RolloutSupport.current(env.realm().flows()).get("groups")));
            assertEquals("2", RolloutSupport.current(env.realm().flows()).get("postponements"));
        } finally {
            RolloutSupport.restore(env, before);
        }
    }

    /** The whole text of the console (the browser's own excerpt is cut short). */
    private static String text(Browser browser) {
        return String.valueOf(browser.js("return document.body.innerText;"));
    }

    private static void openPolicyForm(Browser browser) {
        By row = By.xpath("//tr[.//*[contains(text(),'rollout policy')]]");
        browser.awaitUntil("the rollout policy's row", () -> !browser.driver().findElements(row).isEmpty());
        browser.driver().findElement(row).findElement(By.cssSelector("button[aria-label='Settings']")).click();
        browser.awaitUntil("the policy form", () -> browser.has(GROUPS));
    }
}

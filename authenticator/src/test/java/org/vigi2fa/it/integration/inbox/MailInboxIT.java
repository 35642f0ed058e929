package org.vigi2fa.it.integration.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;
import org.vigi2fa.demo.MailInbox;

/**
 * The demo's web inbox (mvn -Prun verify, http://localhost:8025/) as a person uses it after "Can't use your
 * authenticator app?": the mail shown as a mail program shows it, and its link, clicked in the rendered HTML part,
 * opens the lost-phone confirm page in the window. Saves target/screenshots/inbox/mail-inbox.png.
 */
@VigiTest
class MailInboxIT {

    @Test
    void lostPhoneMailIsReadableAndItsLinkOpensTheConfirmPage(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("inbox");
        Flows.assertPage(LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled),
                "login-vigi-2fa-lost-sent");
        String link = env.inbox().latestActionLink(enrolled.user().email());

        try (MailInbox inbox = MailInbox.start(env.mail(), 0); Browser browser = Browser.start(Screen.DESKTOP, null)) {
            browser.open(inbox.url());
            browser.awaitUntil("the inbox", () -> browser.has("article.mail"));
            List<WebElement> mails = browser.driver().findElements(By.cssSelector("article.mail"));
            List<Integer> order = mails.stream().map(m -> Integer.parseInt(m.getAttribute("id").substring("mail-".length()))).toList();
            assertEquals(order.stream().sorted(Comparator.reverseOrder()).toList(), order, "newest first");
            WebElement newest = mails.stream().filter(m -> m.findElement(By.cssSelector(".to")).getText().contains(enrolled.user().email()))
                    .findFirst().orElseThrow(() -> new AssertionError("no mail to " + enrolled.user().email() + " in the inbox"));
            assertEquals("Turn off two-factor authentication for your VIGI account", newest.findElement(By.cssSelector(".subject")).getText());
            assertTrue(!newest.findElement(By.cssSelector(".time")).getText().isBlank(), "time shown");
            String text = newest.findElement(By.cssSelector(".text-part")).getText();
            assertTrue(text.contains(link), "the text part, decoded, carries the link: " + text);
            assertTrue(!text.contains("Content-Transfer-Encoding") && !text.contains("=3D"), "no raw MIME: " + text);
            WebElement frame = newest.findElement(By.cssSelector("iframe.html-part"));
            assertEquals("allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation", frame.getAttribute("sandbox"));
            browser.assertFitsScreen();
            screenshot(browser, "mail-inbox.png");

            browser.driver().switchTo().frame(frame);
            WebElement anchor = browser.driver().findElement(By.cssSelector("a[href*='/login-actions/action-token']"));
            assertEquals(link, anchor.getAttribute("href"), "the HTML part links to the same place as the text part");
            anchor.click();
            browser.driver().switchTo().defaultContent();
            browser.awaitPage("login-vigi-2fa-lost-confirm");
            assertTrue(browser.url().startsWith(env.realmUrl()), "the confirm page opened in the window: " + browser.url());
            screenshot(browser, "mail-inbox-link-opened.png");
        }
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        Path folder = Path.of(System.getProperty("vigi.screenshots.dir", "target/screenshots"), "inbox");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }
}

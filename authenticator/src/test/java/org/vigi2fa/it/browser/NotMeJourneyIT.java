package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.browser.Screenshots;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "This wasn't me" in Chromium, on a desktop window and a phone screen: a security mail with the link, the confirm page
 * it opens (nothing happens before the button), and the page after (pictures in target/screenshots/not-me/).
 */
@VigiTest
class NotMeJourneyIT {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theLinkOfASecurityMailOpensTheConfirmPageThenSecuresTheAccount(Screen screen, VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("notme-" + screen.name().toLowerCase());
        LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        Mail mail = env.inbox().to(enrolled.user().email(), "Turn off two-factor").get(0);
        String link = mail.reportLink().orElseThrow();
        try (Browser browser = Browser.start(screen, new Screenshots("not-me", screen).clean())) {
            browser.open("data:text/html;charset=utf-8;base64,"
                    + Base64.getEncoder().encodeToString(mail.html().getBytes(StandardCharsets.UTF_8)));
            assertTrue(browser.has("a[href='" + link + "']"), "the html part links the same page");
            browser.arrived("mail-vigi-2fa-not-me-link");
            browser.open(link);
            browser.awaitPage("login-vigi-2fa-report-confirm");
            browser.arrived("login-vigi-2fa-report-confirm");
            browser.click("#vigi-report-confirm");
            browser.awaitPage("login-vigi-2fa-report-done");
            browser.arrived("login-vigi-2fa-report-done");
        }
        assertTrue(env.realm().users().get(enrolled.user().id()).toRepresentation().getRequiredActions().contains("UPDATE_PASSWORD"),
                "the button did it: a new password is required");
    }
}

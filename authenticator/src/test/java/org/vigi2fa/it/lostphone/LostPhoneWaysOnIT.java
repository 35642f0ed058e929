package org.vigi2fa.it.lostphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.RecoverySeed;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "Check your mailbox" is no dead end: "Send the link again" sends another once the cooldown allows (and before, the
 * code page says when, the same code page as ever: trusted-device box, recovery code, lost-phone link), and "Back to
 * sign-in" starts the sign-in over.
 */
@VigiTest
class LostPhoneWaysOnIT {

    private static final String SENT_PAGE = "login-vigi-2fa-lost-sent";

    @Test
    void sendAgainWithinTheCooldownSaysWhenAndSendsNothing(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("ways-wait");
        RecoverySeed.give(env, enrolled.user().id(), 12);
        WebSession browser = new WebSession(env.baseUrl());
        // with recovery codes, "Can't use your authenticator app?" offers them first; "e-mail me a link instead"
        Page codes = LostPhoneSupport.clickLostPhone(browser, LostPhoneSupport.codePage(env, browser, VigiClient.VMS_CLOUD, enrolled));
        Page sent = browser.submit(codes.form("#vigi-lost-phone-form"), Map.of());
        Flows.assertPage(sent, SENT_PAGE);

        Page early = browser.submit(sent.form("#vigi-lost-resend-form"), Map.of());
        Flows.assertPage(early, Flows.CODE_PAGE);
        assertTrue(early.document().select("[role=alert]").text().contains("A link was sent recently"), early.text());
        for (String offer : new String[] {"#vigi-trust-device", "#vigi-recovery-use", "#vigi-lost-phone", "input#otp"}) {
            assertNotNull(early.document().selectFirst(offer), offer + " on the refused request's code page: " + early.text());
        }
        env.awaitQueuedMails();
        assertEquals(1, env.inbox().to(enrolled.user().email(), LostPhoneIT.LINK_SUBJECT).size(), "nothing sent twice");
    }

    @Test
    void sendAgainOnceTheCooldownAllowsSendsANewLink(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("ways-again");
        VigiSettings.with(env, Map.of("requestCooldownSeconds", "0"), () -> {
            WebSession browser = new WebSession(env.baseUrl());
            Page sent = LostPhoneSupport.requestLink(env, browser, VigiClient.VMS_CLOUD, enrolled);
            Page again = browser.submit(sent.form("#vigi-lost-resend-form"), Map.of());
            Flows.assertPage(again, SENT_PAGE);
        });
        env.awaitQueuedMails();
        assertEquals(2, env.inbox().to(enrolled.user().email(), LostPhoneIT.LINK_SUBJECT).size(), "a second link");
    }

    @Test
    void backToSignInStartsOver(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("ways-back");
        WebSession browser = new WebSession(env.baseUrl());
        Page sent = LostPhoneSupport.requestLink(env, browser, VigiClient.VMS_CLOUD, enrolled);
        String back = sent.document().selectFirst("#vigi-back-to-sign-in").absUrl("href");
        Flows.assertPage(browser.get(back), "login-login");
    }
}

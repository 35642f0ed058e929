package org.vigi2fa.it.lostphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "Check your mailbox" is no dead end: "Send the link again" sends another once the cooldown allows (and before, the
 * code page says when), and "Back to sign-in" starts the sign-in over.
 */
@VigiTest
class LostPhoneWaysOnIT {

    private static final String SENT_PAGE = "login-vigi-2fa-lost-sent";

    @Test
    void sendAgainWithinTheCooldownSaysWhenAndSendsNothing(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("ways-wait");
        WebSession browser = new WebSession(env.baseUrl());
        Page sent = LostPhoneSupport.requestLink(env, browser, VigiClient.VMS_CLOUD, enrolled);
        Flows.assertPage(sent, SENT_PAGE);

        Page early = browser.submit(sent.form("#vigi-lost-resend-form"), Map.of());
        Flows.assertPage(early, Flows.CODE_PAGE);
        assertTrue(early.document().select("[role=alert]").text().contains("A link was sent recently"), early.text());
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

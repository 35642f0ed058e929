package org.vigi2fa.it.lostphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.lostphone.LostPhoneSupport.clickLostPhone;
import static org.vigi2fa.it.lostphone.LostPhoneSupport.codePage;
import static org.vigi2fa.it.lostphone.LostPhoneSupport.requestLink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/** Requests are rate-limited per user, counted by brute-force protection, and survive an SMTP outage. */
@VigiTest
class LostPhoneRequestLimitsIT {

    @Test
    void requestStormIsRateLimitedWithAClearMessage(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("storm");
        int n = 6;
        List<WebSession> browsers = new ArrayList<>();
        List<Page> codePages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            WebSession browser = new WebSession(env.baseUrl());
            codePages.add(codePage(env, browser, VigiClient.VMS_CLOUD, enrolled));
            browsers.add(browser);
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Page>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                WebSession browser = browsers.get(i);
                Page codePage = codePages.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return clickLostPhone(browser, codePage);
                }));
            }
            start.countDown();
            int sent = 0;
            for (Future<Page> answer : answers) {
                Page page = answer.get();
                if ("login-vigi-2fa-lost-sent".equals(page.pageId())) {
                    sent++;
                    continue;
                }
                Flows.assertPage(page, Flows.CODE_PAGE);
                // Each loser counts a failure, so a late loser may already meet the lockout those failures caused.
                String alert = page.document().select("[role=alert]").text();
                assertTrue(alert.contains("A link was sent recently") || alert.contains("Too many failed attempts"),
                        "clear, announced refusal: " + page.text());
            }
            assertEquals(1, sent, "one request wins");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, env.inbox().to(enrolled.user().email(), LostPhoneIT.LINK_SUBJECT).size(), "one mail for the storm");
        assertTrue(LostPhoneSupport.events(env, enrolled.user().id(), "CUSTOM_REQUIRED_ACTION_ERROR").stream()
                .map(EventRepresentation::getError).anyMatch("slow_down"::equals), "refusals are recorded");
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size());
    }

    @Test
    void aLockedAccountGetsNoLink(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("lostlocked");
        WebSession guesser = new WebSession(env.baseUrl());
        WebSession asker = new WebSession(env.baseUrl());
        Page guessPage = codePage(env, guesser, VigiClient.VMS_CLOUD, enrolled);
        Page askPage = codePage(env, asker, VigiClient.VMS_CLOUD, enrolled);
        // two wrong codes in a row: Keycloak's quick-login rule locks the account
        Page wrong = Flows.code(guesser, guessPage, "000000");
        Flows.code(guesser, wrong, "000001");
        BruteForce.of(env, enrolled.user().id()).awaitLocked();

        Page refused = clickLostPhone(asker, askPage);
        Flows.assertPage(refused, Flows.CODE_PAGE);
        assertTrue(refused.document().select("[role=alert]").text().contains("Too many failed attempts"), refused.text());
        assertEquals(0, env.inbox().to(enrolled.user().email(), LostPhoneIT.LINK_SUBJECT).size(), "no mail while locked");
        assertTrue(LostPhoneSupport.events(env, enrolled.user().id(), "CUSTOM_REQUIRED_ACTION_ERROR").stream()
                .map(EventRepresentation::getError).anyMatch("user_temporarily_disabled"::equals), "the refusal is recorded");
    }

    @Test
    void requestsCountTowardBruteForceProtection(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("lostbf");
        WebSession first = new WebSession(env.baseUrl());
        WebSession second = new WebSession(env.baseUrl());
        Page firstCode = codePage(env, first, VigiClient.VMS_CLOUD, enrolled);
        Page secondCode = codePage(env, second, VigiClient.VMS_CLOUD, enrolled);
        Flows.assertPage(clickLostPhone(first, firstCode), "login-vigi-2fa-lost-sent");
        Flows.assertPage(clickLostPhone(second, secondCode), Flows.CODE_PAGE);
        // Brute-force bookkeeping runs on Keycloak's own executor; wait for it to show the two failures.
        int failures = 0;
        for (int i = 0; i < 50 && failures < 2; i++) {
            Object value = env.realm().attackDetection().bruteForceUserStatus(enrolled.user().id()).get("numFailures");
            failures = value == null ? 0 : ((Number) value).intValue();
            if (failures < 2) {
                Thread.sleep(100);
            }
        }
        assertEquals(2, failures, "each lost-phone request counts as a failure");
    }

    @Test
    void smtpDownGivesAClearMessageChangesNothingAndRetryWorks(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("smtpdown");
        String port = LostPhoneSupport.breakSmtp(env);
        try {
            Page failed = requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
            Flows.assertPage(failed, Flows.CODE_PAGE);
            assertTrue(failed.document().select("[role=alert]").text().contains("could not send the email"),
                    "clear, announced message: " + failed.text());
            assertTrue(failed.status() < 500);
        } finally {
            LostPhoneSupport.restoreSmtp(env, port);
        }
        assertEquals(0, env.inbox().to(enrolled.user().email()).size());
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "nothing changed");

        Page retry = requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        Flows.assertPage(retry, "login-vigi-2fa-lost-sent");
        assertEquals(1, env.inbox().to(enrolled.user().email(), LostPhoneIT.LINK_SUBJECT).size(), "the retry is not blocked by the cooldown");
    }

    @Test
    void everyLanguageGetsItsMail(VigiEnvironment env) throws Exception {
        for (String language : new String[] {"de", "fr", "ru"}) {
            EnrolledUser enrolled = env.newUserWithOtp("lang" + language.replace("_", ""));
            WebSession browser = new WebSession(env.baseUrl()).language(language);
            Page sent = requestLink(env, browser, VigiClient.VMS_CLOUD, enrolled);
            Flows.assertPage(sent, "login-vigi-2fa-lost-sent");
            String subject = env.inbox().to(enrolled.user().email()).get(0).subject();
            assertTrue(!subject.contains("Turn off two-factor"), language + " mail subject is translated: " + subject);
        }
    }
}

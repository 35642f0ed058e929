package org.vigi2fa.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.recovery.RecoverySupport.WRONG;
import static org.vigi2fa.testing.Flows.assertRefused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.it.recovery.RecoverySupport.Seeded;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Parallel;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** The code page's "Use a recovery code": each code signs in once, also under parallel submits, and every miss counts. */
@VigiTest
class RecoverySignInIT {

    private static final int PARALLEL = 10;

    @Test
    void eachCodeSignsInOnceAndTheUserIsTold(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-once", 5);
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest first = oauth.authRequest(VigiClient.VMS_CLOUD);
        WebSession browser = new WebSession(env.baseUrl());
        Page input = RecoverySupport.useRecoveryCode(browser, Flows.codePage(browser, first, seeded.enrolled().user()));
        assertTrue(input.text().contains("Recovery code #1"), "the page asks for code #1: " + input.text());

        JsonNode tokens = Flows.tokens(oauth, first, RecoverySupport.submit(browser, input, seeded.codes().number(1)));
        assertEquals(200, tokens.get("status").asInt(), tokens.toString());
        List<Mail> mails = env.inbox().to(seeded.enrolled().user().email(), "recovery code was used");
        assertEquals(1, mails.size(), "the security mail");
        assertTrue(mails.get(0).text().contains("4 codes are left"), mails.get(0).text());
        assertTrue(mails.get(0).reportLink().isPresent(), "\"This wasn't me\" link");
        assertEquals(1, RecoverySupport.events(env, seeded.enrolled().user().id(), "LOGIN", "recovery-code").size());

        // the used code is dead; the next one works
        WebSession other = new WebSession(env.baseUrl());
        OAuth.AuthRequest second = oauth.authRequest(VigiClient.VMS_LOCAL);
        Page reused = RecoverySupport.signIn(other, second, seeded.enrolled().user(), seeded.codes().number(1));
        assertRefused(reused, WRONG);
        Flows.assertPage(reused, RecoverySupport.PAGE_INPUT);
        assertTrue(reused.text().contains("Recovery code #2"), reused.text());
        BruteForce.nextAttempt();
        JsonNode next = Flows.tokens(oauth, second, RecoverySupport.submit(other, reused, seeded.codes().number(2)));
        assertEquals(200, next.get("status").asInt(), next.toString());
    }

    @Test
    void tenParallelSubmitsOfOneCodeSignInExactlyOnce(VigiEnvironment env) throws Exception {
        Seeded seeded = RecoverySupport.user(env, "rc-parallel", 12);
        OAuth oauth = new OAuth(env.realmUrl());
        List<WebSession> browsers = new ArrayList<>();
        List<Page> inputs = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            WebSession browser = new WebSession(env.baseUrl());
            browsers.add(browser);
            inputs.add(RecoverySupport.useRecoveryCode(browser, Flows.codePage(browser, oauth.authRequest(VigiClient.VMS_CLOUD),
                    seeded.enrolled().user())));
        }
        List<Callable<Page>> submits = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            int n = i;
            submits.add(() -> RecoverySupport.submit(browsers.get(n), inputs.get(n), seeded.codes().number(1)));
        }
        Map<String, Object> before = BruteForce.of(env, seeded.enrolled().user().id()).status();
        assertFalse(BruteForce.locked(before) || BruteForce.failures(before) > 0, "nothing holds the user back before: " + before);
        List<Page> answers = Parallel.atOnce(submits);
        assertEquals(1, answers.stream().filter(Page::isRedirect).count(), "one code, one sign-in: " + answers);
        for (Page refused : answers.stream().filter(page -> !page.isRedirect()).toList()) {
            // "not right" on the recovery page, or, once the misses lock the user, the lockout's code page
            assertTrue(RecoverySupport.PAGE_INPUT.equals(refused.pageId()) || Flows.CODE_PAGE.equals(refused.pageId()),
                    "refused: " + refused + " " + refused.messages());
        }
        assertEquals(11, RecoverySupport.left(env, seeded.enrolled().user().id()), "one code struck from the list");
    }

    @Test
    void aWrongRecoveryCodeCountsTowardTheLockout(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-wrong", 3);
        WebSession browser = new WebSession(env.baseUrl());
        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD);
        // code #2 is a real code of the user, but not the one asked for: Keycloak's codes go in order
        Page wrong = RecoverySupport.signIn(browser, request, seeded.enrolled().user(), seeded.codes().number(2));
        assertRefused(wrong, WRONG);
        assertEquals("true", wrong.document().selectFirst("#recoveryCodeInput").attr("aria-invalid"), "the field is marked");
        BruteForce.of(env, seeded.enrolled().user().id()).awaitFailures(1);
        assertEquals(3, RecoverySupport.left(env, seeded.enrolled().user().id()), "a miss strikes nothing");
        assertEquals(1, RecoverySupport.events(env, seeded.enrolled().user().id(), "LOGIN_ERROR", "recovery-code").size());
    }

    @Test
    void spacesDashesAndLowerCaseAreAccepted(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-format", 5);
        String code = seeded.codes().number(1).toLowerCase();
        String typed = " " + code.substring(0, 4) + "-" + code.substring(4, 8) + " " + code.substring(8) + " ";
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        WebSession browser = new WebSession(env.baseUrl());
        JsonNode tokens = Flows.tokens(oauth, request, RecoverySupport.signIn(browser, request, seeded.enrolled().user(), typed));
        assertEquals(200, tokens.get("status").asInt(), tokens.toString());
    }

    @Test
    void badInputGetsAClearMessageAndChangesNothing(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-bad", 3);
        WebSession browser = new WebSession(env.baseUrl());
        Page input = RecoverySupport.useRecoveryCode(browser,
                Flows.codePage(browser, new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), seeded.enrolled().user()));
        Page page = RecoverySupport.submit(browser, input, "   ");
        assertRefused(page, "Enter the recovery code.");
        List<String> bad = List.of("X".repeat(1000), "ABCD-EFGH-23", "<script>alert(1)</script>", "ÄBCDEFGH2345");
        for (String typed : bad) {
            BruteForce.nextAttempt();
            page = RecoverySupport.submit(browser, page, typed);
            assertRefused(page, RecoverySupport.MALFORMED);
            assertFalse(page.body().contains("<script>alert(1)"), "input is not echoed unescaped");
        }
        BruteForce.of(env, seeded.enrolled().user().id()).awaitFailures(bad.size());
        Page twoFields = browser.submit(page.form("#vigi-recovery-form"), Map.of("recoveryCodeInput", "A".repeat(100_000)));
        assertTrue(twoFields.status() < 500, twoFields.toString());
        assertEquals(3, RecoverySupport.left(env, seeded.enrolled().user().id()), "nothing struck");
    }

    @Test
    void theLostPhonePageOffersRecoveryCodesFirst(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-lost", 3);
        WebSession browser = new WebSession(env.baseUrl());
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VIGI_APP);
        Page codePage = Flows.codePage(browser, request, seeded.enrolled().user());
        Page lost = browser.submit(codePage.form("#vigi-lost-phone-form"), Map.of());
        Flows.assertPage(lost, RecoverySupport.PAGE_INPUT);
        assertTrue(lost.text().contains("You still have recovery codes"), lost.text());
        assertTrue(env.inbox().to(seeded.enrolled().user().email()).isEmpty(), "no mail before the user asks for it");

        Page sent = browser.submit(lost.form("#vigi-lost-phone-form"), Map.of());
        Flows.assertPage(sent, "login-vigi-2fa-lost-sent");

        // a user without recovery codes goes straight to the mail, as before
        var plain = env.newUserWithOtp("rc-lost-none");
        WebSession other = new WebSession(env.baseUrl());
        Page plainCode = Flows.codePage(other, oauth.authRequest(VigiClient.VIGI_APP), plain.user());
        assertTrue(plainCode.document().select("#vigi-recovery-use").isEmpty(), "no recovery option without codes");
        Flows.assertPage(other.submit(plainCode.form("#vigi-lost-phone-form"), Map.of()), "login-vigi-2fa-lost-sent");
    }
}

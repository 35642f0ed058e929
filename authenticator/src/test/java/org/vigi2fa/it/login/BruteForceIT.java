package org.vigi2fa.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.login.LoginSupport.INVALID_CODE;
import static org.vigi2fa.it.login.LoginSupport.assertRefused;
import static org.vigi2fa.it.login.LoginSupport.awaitFailures;
import static org.vigi2fa.it.login.LoginSupport.codePage;
import static org.vigi2fa.it.login.LoginSupport.failures;
import static org.vigi2fa.it.login.LoginSupport.locked;
import static org.vigi2fa.it.login.LoginSupport.wrongCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * Wrong codes count toward Keycloak's brute-force protection (realm: failureFactor 5, waitIncrement 60 s,
 * quickLoginCheck 1 s, minimumQuickLoginWait 60 s). Failures are spread with Keycloak's clock so that only the
 * quick-login test trips the quick-login rule. TOTP codes follow the wall clock, not the moved clock.
 */
@VigiTest
class BruteForceIT {

    private static final String INVALID_PASSWORD = "Invalid username or password.";

    @Test
    void fiveFailuresAcrossSessionsLockUntilTheWaitIsOver(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("lock");
        String userId = enrolled.user().id();
        OAuth oauth = new OAuth(env.realmUrl());
        List<WebSession> browsers = new ArrayList<>();
        List<Page> codePages = new ArrayList<>();
        List<OAuth.AuthRequest> requests = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            WebSession browser = new WebSession(env.baseUrl());
            OAuth.AuthRequest request = oauth.authRequest(i % 2 == 0 ? VigiClient.VMS_CLOUD : VigiClient.VIGI_APP);
            browsers.add(browser);
            requests.add(request);
            codePages.add(codePage(browser, request, enrolled.user()));
        }
        String wrong = wrongCode(enrolled.totp());
        int offset = 0;
        try {
            for (int i = 0; i < 5; i++) {
                offset += 3;
                env.moveClock(offset);
                assertFalse(locked(env, userId), "not locked before failure " + (i + 1));
                assertRefused(Flows.code(browsers.get(i), codePages.get(i), wrong), INVALID_CODE);
                awaitFailures(env, userId, i + 1);
            }
            LoginSupport.awaitBruteForce(env, userId, status -> Boolean.TRUE.equals(status.get("disabled")), "disabled");

            Page right = Flows.code(browsers.get(5), codePages.get(5), enrolled.totp().now());
            Page wrongAgain = Flows.code(browsers.get(6), codePages.get(6), wrong);
            assertRefused(right, INVALID_CODE);
            assertRefused(wrongAgain, INVALID_CODE);
            assertEquals(wrongAgain.pageId(), right.pageId(), "locked: the right code gets the page a wrong one gets");
            assertEquals(wrongAgain.messages(), right.messages(), "locked: same message for right and wrong codes");
            assertEquals(5, failures(env, userId), "attempts while locked are not counted again");

            WebSession newcomer = new WebSession(env.baseUrl());
            Page password = Flows.passwordStep(newcomer, oauth.authRequest(VigiClient.VMS_LOCAL), enrolled.user());
            assertRefused(password, INVALID_PASSWORD);

            env.moveClock(offset + 30);
            assertRefused(Flows.code(browsers.get(5), codePages.get(5), enrolled.totp().now()), INVALID_CODE);

            env.moveClock(offset + 65);
            Page unlocked = Flows.code(browsers.get(5), codePages.get(5), enrolled.totp().now());
            assertEquals(200, Flows.tokens(oauth, requests.get(5), unlocked).get("status").asInt(), "unlocked after the wait");
            awaitFailures(env, userId, 0);
        } finally {
            env.moveClock(0);
        }
    }

    @Test
    void parallelWrongCodesLockTheAccount(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("lockpar");
        String userId = enrolled.user().id();
        OAuth oauth = new OAuth(env.realmUrl());
        int attackers = 10;
        List<WebSession> browsers = new ArrayList<>();
        List<Page> codePages = new ArrayList<>();
        for (int i = 0; i <= attackers; i++) {
            WebSession browser = new WebSession(env.baseUrl());
            browsers.add(browser);
            codePages.add(codePage(browser, oauth.authRequest(VigiClient.VMS_CLOUD), enrolled.user()));
        }
        String wrong = wrongCode(enrolled.totp());
        ExecutorService pool = Executors.newFixedThreadPool(attackers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Page>> results = new ArrayList<>();
            for (int i = 0; i < attackers; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return Flows.code(browsers.get(n), codePages.get(n), wrong);
                }));
            }
            start.countDown();
            for (Future<Page> result : results) {
                assertRefused(result.get(60, TimeUnit.SECONDS), INVALID_CODE);
            }
        } finally {
            pool.shutdownNow();
        }
        LoginSupport.awaitBruteForce(env, userId, status -> Boolean.TRUE.equals(status.get("disabled")), "disabled");
        assertTrue(failures(env, userId) >= 2, "parallel failures counted: " + LoginSupport.bruteForce(env, userId));
        assertRefused(Flows.code(browsers.get(attackers), codePages.get(attackers), enrolled.totp().now()), INVALID_CODE);
    }

    /** Keycloak's quick-login rule: a second failure less than 1 s (server time) after the first locks for 60 s. */
    @Test
    void twoQuickFailuresLockForAMinute(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("quick");
        String userId = enrolled.user().id();
        OAuth oauth = new OAuth(env.realmUrl());
        WebSession first = new WebSession(env.baseUrl());
        WebSession second = new WebSession(env.baseUrl());
        WebSession owner = new WebSession(env.baseUrl());
        Page firstPage = codePage(first, oauth.authRequest(VigiClient.VMS_CLOUD), enrolled.user());
        Page secondPage = codePage(second, oauth.authRequest(VigiClient.VMS_CLOUD), enrolled.user());
        OAuth.AuthRequest ownerRequest = oauth.authRequest(VigiClient.VMS_CLOUD);
        Page ownerPage = codePage(owner, ownerRequest, enrolled.user());
        String wrong = wrongCode(enrolled.totp());
        try {
            assertRefused(Flows.code(first, firstPage, wrong), INVALID_CODE);
            awaitFailures(env, userId, 1);
            // stamp the second failure 5 s earlier on the server, so "less than 1 s apart" holds however slow this machine is
            env.moveClock(-5);
            assertRefused(Flows.code(second, secondPage, wrong), INVALID_CODE);
            awaitFailures(env, userId, 2);
            assertTrue(locked(env, userId), "two quick failures lock: " + LoginSupport.bruteForce(env, userId));
            assertRefused(Flows.code(owner, ownerPage, enrolled.totp().now()), INVALID_CODE);

            env.moveClock(60);
            Page unlocked = Flows.code(owner, ownerPage, enrolled.totp().now());
            assertEquals(200, Flows.tokens(oauth, ownerRequest, unlocked).get("status").asInt(), "unlocked after 60 s");
        } finally {
            env.moveClock(0);
        }
    }

    @Test
    void aSuccessfulSignInResetsTheCount(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("reset");
        String userId = enrolled.user().id();
        OAuth oauth = new OAuth(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_LOCAL);
        Page page = codePage(browser, request, enrolled.user());
        String wrong = wrongCode(enrolled.totp());
        try {
            for (int i = 1; i <= 4; i++) {
                env.moveClock(3 * i);
                page = Flows.code(browser, page, wrong);
                assertRefused(page, INVALID_CODE);
                awaitFailures(env, userId, i);
            }
            assertFalse(locked(env, userId), "four failures do not lock");
            assertEquals(200, Flows.tokens(oauth, request, Flows.code(browser, page, enrolled.totp().now())).get("status").asInt());
            awaitFailures(env, userId, 0);
        } finally {
            env.moveClock(0);
        }
    }
}

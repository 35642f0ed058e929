package org.vigi2fa.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.login.LoginSupport.INVALID_CODE;
import static org.vigi2fa.testing.Flows.assertRefused;
import static org.vigi2fa.testing.Flows.codePage;
import static org.vigi2fa.testing.BruteForce.nextAttempt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.VigiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.Visit;

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
        Browsers browsers = Browsers.onCodePage(env, "lock", 7);
        BruteForce lockout = browsers.lockout();
        int offset = 0;
        try {
            for (int i = 0; i < 5; i++) {
                offset += 3;
                env.moveClock(offset);
                assertFalse(lockout.locked(), "not locked before failure " + (i + 1));
                nextAttempt();
                assertRefused(browsers.wrongCode(i), INVALID_CODE);
                lockout.awaitFailures(i + 1);
            }
            lockout.awaitLocked();

            Page right = browsers.rightCode(5);
            Page wrongAgain = browsers.wrongCode(6);
            assertRefused(right, INVALID_CODE);
            assertRefused(wrongAgain, INVALID_CODE);
            assertEquals(wrongAgain.pageId(), right.pageId(), "locked: the right code gets the page a wrong one gets");
            assertEquals(wrongAgain.messages(), right.messages(), "locked: same message for right and wrong codes");
            assertEquals(5, lockout.failures(), "attempts while locked are not counted again");

            Page password = Visit.to(env, VigiClient.VMS_LOCAL).passwordStep(browsers.enrolled().user());
            assertRefused(password, INVALID_PASSWORD);

            env.moveClock(offset + 30);
            assertRefused(browsers.rightCode(5), INVALID_CODE);

            env.moveClock(offset + 65);
            nextAttempt();
            Page unlocked = browsers.rightCode(5);
            Grants.issued(browsers.tokens(5, unlocked), "unlocked after the wait");
            env.moveClock(0); // the admin client's token would look expired to a server 68 s ahead
            lockout.awaitFailures(0);
        } finally {
            env.moveClock(0);
        }
    }

    /**
     * Ten sessions send wrong codes at the same instant, five times. Keycloak 26's blocking brute-force protector lets
     * one attempt per user run at a time and answers the others as if locked (the same wrong-code message):
     * every burst counts at least once (usually exactly once), so parallel guessing cannot outrun the lockout.
     */
    @Test
    void parallelBurstsAreCountedAndLockByTheFifth(VigiEnvironment env) throws Exception {
        int attackers = 10;
        Browsers browsers = Browsers.onCodePage(env, "lockpar", attackers + 1);
        BruteForce lockout = browsers.lockout();
        ExecutorService pool = Executors.newFixedThreadPool(attackers);
        try {
            for (int burst = 1; burst <= 5; burst++) {
                nextAttempt(); // bursts more than 1 s apart: not Keycloak's quick-login rule
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Page>> results = new ArrayList<>();
                for (int i = 0; i < attackers; i++) {
                    int n = i;
                    results.add(pool.submit(() -> {
                        start.await();
                        return browsers.wrongCode(n);
                    }));
                }
                start.countDown();
                for (Future<Page> result : results) {
                    assertRefused(result.get(60, TimeUnit.SECONDS), INVALID_CODE);
                }
                // No burst may go uncounted. Keycloak usually serialises a burst into one failure, but under load two
                // of its attempts can both be recorded (and, less than 1 s apart, lock at once by the quick-login rule):
                // after each burst the user has at least that many failures or is already locked.
                int counted = burst;
                lockout.await(status -> BruteForce.failures(status) >= counted
                        || BruteForce.locked(status), "numFailures>=" + counted + " or locked");
            }
            lockout.awaitLocked();
            assertRefused(browsers.rightCode(attackers), INVALID_CODE);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Keycloak's quick-login rule: a second failure less than 1 s (server time) after the first locks for 60 s. */
    @Test
    void twoQuickFailuresLockForAMinute(VigiEnvironment env) {
        Browsers browsers = Browsers.onCodePage(env, "quick", 3);
        BruteForce lockout = browsers.lockout();
        try {
            assertRefused(browsers.wrongCode(0), INVALID_CODE);
            lockout.awaitFailures(1);
            nextAttempt();
            // stamp the second failure 5 s earlier on the server: "less than 1 s apart" then holds however slow this machine is
            env.moveClock(-5);
            assertRefused(browsers.wrongCode(1), INVALID_CODE);
            lockout.awaitFailures(2);
            assertTrue(lockout.locked(), "two quick failures lock: " + lockout.status());
            assertRefused(browsers.rightCode(2), INVALID_CODE);

            env.moveClock(60);
            nextAttempt();
            Page unlocked = browsers.rightCode(2);
            Grants.issued(browsers.tokens(2, unlocked), "unlocked after 60 s");
        } finally {
            env.moveClock(0);
        }
    }

    @Test
    void aSuccessfulSignInResetsTheCount(VigiEnvironment env) {
        Browsers browsers = Browsers.onCodePage(env, "reset", 1);
        BruteForce lockout = browsers.lockout();
        try {
            for (int i = 1; i <= 4; i++) {
                env.moveClock(3 * i);
                nextAttempt();
                assertRefused(browsers.wrongCode(0), INVALID_CODE);
                lockout.awaitFailures(i);
            }
            assertFalse(lockout.locked(), "four failures do not lock");
            nextAttempt();
            Grants.issued(browsers.tokens(0, browsers.rightCode(0)), "signed in with the right code");
            lockout.awaitFailures(0);
        } finally {
            env.moveClock(0);
        }
    }

    /**
     * Browsers of one user on the code page, with the user's brute-force record; each submits on the page it last got
     * (Keycloak renews the form's session code). Every wrong attempt sends the same wrong code.
     */
    private record Browsers(EnrolledUser enrolled, BruteForce lockout, String wrong, List<Visit> visits, List<Page> pages) {

        static Browsers onCodePage(VigiEnvironment env, String userPrefix, int count) {
            EnrolledUser enrolled = env.newUserWithOtp(userPrefix);
            List<Visit> visits = new ArrayList<>();
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Visit visit = Visit.to(env, i % 2 == 0 ? VigiClient.VMS_CLOUD : VigiClient.VIGI_APP);
                visits.add(visit);
                pages.add(visit.codePage(enrolled.user()));
            }
            return new Browsers(enrolled, BruteForce.of(env, enrolled.user().id()), enrolled.totp().wrongNow(), visits, pages);
        }

        /** Browser {@code index} submits the wrong code. */
        Page wrongCode(int index) {
            return code(index, wrong);
        }

        /** Browser {@code index} submits the code the user's phone shows now. */
        Page rightCode(int index) {
            return code(index, enrolled.totp().now());
        }

        private Page code(int index, String code) {
            Page page = visits.get(index).code(pages.get(index), code);
            synchronized (pages) {
                pages.set(index, page);
            }
            return page;
        }

        /** Redeems what browser {@code index} ended on: the token response. */
        JsonNode tokens(int index, Page end) {
            return visits.get(index).tokens(end);
        }
    }
}

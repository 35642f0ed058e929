package org.vigi2fa.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.login.LoginSupport.INVALID_CODE;
import static org.vigi2fa.testing.Flows.assertRefused;
import static org.vigi2fa.testing.Flows.codePage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** A code works once per credential, and only within the policy's look-around window (one period either side). */
@VigiTest
class ReplayAndWindowIT {

    private static final int PARALLEL = 20;

    @Test
    void aCodeSignsInOnce(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("replay");
        Visit first = Visit.to(env, VigiClient.VMS_CLOUD);
        Visit second = Visit.to(env, VigiClient.VMS_LOCAL);
        Page firstCodePage = first.codePage(enrolled.user());
        Page secondCodePage = second.codePage(enrolled.user());
        String code = enrolled.totp().now();

        Grants.issued(first.tokens(first.code(firstCodePage, code)));
        BruteForce.nextAttempt();
        assertRefused(second.code(secondCodePage, code), INVALID_CODE);
    }

    @Test
    void twentyParallelSubmitsOfOneCodeSignInExactlyOnce(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("parallel");
        OAuth oauth = new OAuth(env.realmUrl());
        List<WebSession> browsers = new ArrayList<>();
        List<Page> codePages = new ArrayList<>();
        List<OAuth.AuthRequest> requests = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            WebSession browser = new WebSession(env.baseUrl());
            OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
            browsers.add(browser);
            requests.add(request);
            codePages.add(codePage(browser, request, enrolled.user()));
        }
        String code = enrolled.totp().now();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Page>> results = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return Flows.code(browsers.get(n), codePages.get(n), code);
                }));
            }
            start.countDown();
            int signedIn = 0;
            for (int i = 0; i < PARALLEL; i++) {
                Page page = results.get(i).get(60, TimeUnit.SECONDS);
                assertTrue(page.status() < 500, page.toString());
                if (page.isRedirect()) {
                    signedIn++;
                    Grants.issued(Flows.tokens(oauth, requests.get(i), page));
                } else {
                    assertRefused(page, INVALID_CODE);
                }
            }
            assertEquals(1, signedIn, "one code, one sign-in");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Codes of the previous and the next period pass (clock drift of the phone); two periods away they do not. */
    @ParameterizedTest(name = "period {0}")
    @ValueSource(ints = {-2, -1, 0, 1, 2})
    void onlyCodesWithinOnePeriodAreAccepted(int periods, VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("window");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
        Page codePage = visit.codePage(enrolled.user());
        Totp.awayFromPeriodEdge();
        Page result = visit.code(codePage, enrolled.totp().now(periods));
        if (Math.abs(periods) <= 1) {
            Grants.issued(visit.tokens(result), "period " + periods);
        } else {
            assertRefused(result, INVALID_CODE);
        }
    }

    /** The window follows the server's wall clock (Keycloak's TimeBasedOTP reads the system time, not its Time offset). */
    @Test
    void movingKeycloaksClockDoesNotMoveTheCodeWindow(VigiEnvironment env) {
        EnrolledUser refused = env.newUserWithOtp("clock-out");
        EnrolledUser accepted = env.newUserWithOtp("clock-in");
        Visit out = Visit.to(env, VigiClient.VMS_CLOUD);
        Visit in = Visit.to(env, VigiClient.VMS_CLOUD);
        Page outPage = out.codePage(refused.user());
        Page inPage = in.codePage(accepted.user());
        env.moveClock(90);
        try {
            Totp.awayFromPeriodEdge();
            assertRefused(out.code(outPage, refused.totp().now(3)), INVALID_CODE);
            Grants.issued(in.tokens(in.code(inPage, accepted.totp().now())), "a current code after the clock moved");
        } finally {
            env.moveClock(0);
        }
    }
}

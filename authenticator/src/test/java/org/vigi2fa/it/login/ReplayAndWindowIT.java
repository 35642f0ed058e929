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
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest first = oauth.authRequest(VigiClient.VMS_CLOUD);
        OAuth.AuthRequest second = oauth.authRequest(VigiClient.VMS_LOCAL);
        WebSession one = new WebSession(env.baseUrl());
        WebSession two = new WebSession(env.baseUrl());
        Page firstCodePage = codePage(one, first, enrolled.user());
        Page secondCodePage = codePage(two, second, enrolled.user());
        String code = enrolled.totp().now();

        assertEquals(200, Flows.tokens(oauth, first, Flows.code(one, firstCodePage, code)).get("status").asInt());
        BruteForce.nextAttempt();
        assertRefused(Flows.code(two, secondCodePage, code), INVALID_CODE);
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
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = codePage(browser, request, enrolled.user());
        Totp.awayFromPeriodEdge();
        Page result = Flows.code(browser, codePage, enrolled.totp().now(periods));
        if (Math.abs(periods) <= 1) {
            assertEquals(200, Flows.tokens(oauth, request, result).get("status").asInt(), "period " + periods);
        } else {
            assertRefused(result, INVALID_CODE);
        }
    }

    /** The window follows the server's wall clock (Keycloak's TimeBasedOTP reads the system time, not its Time offset). */
    @Test
    void movingKeycloaksClockDoesNotMoveTheCodeWindow(VigiEnvironment env) {
        EnrolledUser refused = env.newUserWithOtp("clock-out");
        EnrolledUser accepted = env.newUserWithOtp("clock-in");
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest outRequest = oauth.authRequest(VigiClient.VMS_CLOUD);
        OAuth.AuthRequest inRequest = oauth.authRequest(VigiClient.VMS_CLOUD);
        WebSession out = new WebSession(env.baseUrl());
        WebSession in = new WebSession(env.baseUrl());
        Page outPage = codePage(out, outRequest, refused.user());
        Page inPage = codePage(in, inRequest, accepted.user());
        env.moveClock(90);
        try {
            Totp.awayFromPeriodEdge();
            assertRefused(Flows.code(out, outPage, refused.totp().now(3)), INVALID_CODE);
            assertEquals(200, Flows.tokens(oauth, inRequest, Flows.code(in, inPage, accepted.totp().now())).get("status").asInt());
        } finally {
            env.moveClock(0);
        }
    }
}

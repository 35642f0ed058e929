package org.vigi2fa.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * One cookie, ten sign-ins at once: none gets anyone's tokens but its owner's. Keycloak's blocking brute-force
 * protector lets only one sign-in of a user run at a time and shows the others the login page again, so "all ten
 * skip the code" is not what the server allows; what must hold is that no sign-in of X is asked the code, none of Y
 * skips it, and the device survives the burst.
 */
@VigiTest
class TrustedDeviceParallelIT {

    private static final int PARALLEL = 10;

    private enum Outcome { SKIPPED, ASKED, REFUSED_WHILE_ANOTHER_RUNS }

    @Test
    void tenParallelSignInsWithOneCookieWorkOnlyForItsUser(VigiEnvironment env) throws Exception {
        TrustSupport.Trusted x = TrustSupport.trust(env, env.newUserWithOtp("parallel-x"));
        EnrolledUser y = env.newUserWithOtp("parallel-y");

        Map<Outcome, Integer> asX = inParallel(env, x.cookie(), x.enrolled().user());
        assertTrue(asX.get(Outcome.SKIPPED) >= 1, "X signs in without the code: " + asX);
        assertEquals(0, asX.get(Outcome.ASKED), "X is never asked the code: " + asX);

        Map<Outcome, Integer> asY = inParallel(env, x.cookie(), y.user());
        assertEquals(0, asY.get(Outcome.SKIPPED), "Y never skips the code with X's cookie: " + asY);
        assertTrue(asY.get(Outcome.ASKED) >= 1, "Y is asked the code: " + asY);

        TrustSupport.assertTrusted(env, x.cookie(), x.enrolled().user());
        assertEquals(1, TrustSupport.devices(env, x.enrolled().user().id()).size(), "still one device");
    }

    /** PARALLEL fresh browsers holding the cookie sign in as the user at once; how each ended. */
    private static Map<Outcome, Integer> inParallel(VigiEnvironment env, String cookie, TestUser user) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                results.add(pool.submit(() -> {
                    OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD);
                    start.await();
                    return outcome(env, request, TrustSupport.afterPassword(TrustSupport.device(env, cookie), request, user), user);
                }));
            }
            start.countDown();
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                counts.put(outcome, 0);
            }
            for (Future<Outcome> result : results) {
                counts.merge(result.get(120, TimeUnit.SECONDS), 1, Integer::sum);
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Back at the client with the user's own tokens, the code page, or the login page again; anything else fails. */
    private static Outcome outcome(VigiEnvironment env, OAuth.AuthRequest request, Page page, TestUser user) {
        assertTrue(page.status() < 500, page.toString());
        if (page.isRedirect()) {
            TrustSupport.assertSkipped(env, request, page, user);
            return Outcome.SKIPPED;
        }
        if (Flows.CODE_PAGE.equals(page.pageId())) {
            return Outcome.ASKED;
        }
        assertEquals("login-login", page.pageId(), page.toString());
        return Outcome.REFUSED_WHILE_ANOTHER_RUNS;
    }
}

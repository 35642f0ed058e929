package org.vigi2fa.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;

/** One cookie, many sign-ins at once: each works for its own user and for no one else. */
@VigiTest
class TrustedDeviceParallelIT {

    private static final int PARALLEL = 10;

    @Test
    void tenParallelSignInsWithOneCookieWorkOnlyForItsUser(VigiEnvironment env) throws Exception {
        TrustSupport.Trusted x = TrustSupport.trust(env, env.newUserWithOtp("parallel-x"));
        EnrolledUser y = env.newUserWithOtp("parallel-y");
        List<Boolean> xSkipped = inParallel(env, x.cookie(), x.enrolled().user());
        List<Boolean> ySkipped = inParallel(env, x.cookie(), y.user());
        assertEquals(PARALLEL, xSkipped.stream().filter(b -> b).count(), "every sign-in of X skips the code");
        assertEquals(0, ySkipped.stream().filter(b -> b).count(), "no sign-in of Y skips it");
        assertEquals(1, TrustSupport.devices(env, x.enrolled().user().id()).size(), "still one device");
    }

    /** PARALLEL fresh browsers with the cookie sign in as the user at once; true where the code was skipped. */
    private static List<Boolean> inParallel(VigiEnvironment env, String cookie, TestUser user) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        TrustSupport.assertTrusted(env, cookie, user);
                        return true;
                    } catch (AssertionError asked) {
                        TrustSupport.assertAsked(env, cookie, user);
                        return false;
                    }
                }));
            }
            start.countDown();
            List<Boolean> skipped = new ArrayList<>();
            for (Future<Boolean> result : results) {
                skipped.add(result.get(120, TimeUnit.SECONDS));
            }
            return skipped;
        } finally {
            pool.shutdownNow();
        }
    }
}

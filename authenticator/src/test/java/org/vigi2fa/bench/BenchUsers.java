package org.vigi2fa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.keycloak.admin.client.resource.RealmResource;
import org.vigi2fa.testing.OtpSeed;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.UserSeed;
import org.vigi2fa.testing.VigiEnvironment;

/**
 * Benchmark users made through the admin API: the realm's password hashing, and (when asked) an OTP credential
 * with a known secret stored the way a realm import does it, like VigiEnvironment.newUserWithOtp.
 */
final class BenchUsers {

    static final String PASSWORD = VigiEnvironment.PASSWORD;

    /** One user; {@code totp} is null for a user without 2FA. */
    record BenchUser(String id, String username, String email, Totp totp) {
    }

    private BenchUsers() {
    }

    /** Creates {@code count} users named prefix-N (N from {@code first}), two admin requests at a time. */
    static List<BenchUser> create(RealmResource realm, String prefix, int first, int count, boolean withOtp) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<BenchUser>> futures = new ArrayList<>();
            for (int i = first; i < first + count; i++) {
                String username = prefix + "-" + i;
                futures.add(pool.submit(() -> createOne(realm, username, withOtp)));
            }
            List<BenchUser> users = new ArrayList<>();
            for (Future<BenchUser> future : futures) {
                users.add(future.get(2, TimeUnit.MINUTES));
            }
            return users;
        } catch (Exception e) {
            throw new IllegalStateException("Creating benchmark users failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static BenchUser createOne(RealmResource realm, String username, boolean withOtp) {
        OtpSeed otp = withOtp ? OtpSeed.fresh("bench phone") : null;
        String id = UserSeed.create(realm, username, "Bench", "User", PASSWORD,
                otp == null ? List.of() : List.of(otp.credential()));
        return new BenchUser(id, username, UserSeed.email(username), otp == null ? null : otp.totp());
    }

    /** Removes the user's OTP credentials so the same user can enrol again. */
    static void removeOtp(RealmResource realm, BenchUser user) {
        var resource = realm.users().get(user.id());
        resource.credentials().stream().filter(c -> "otp".equals(c.getType()))
                .forEach(c -> resource.removeCredential(c.getId()));
    }
}

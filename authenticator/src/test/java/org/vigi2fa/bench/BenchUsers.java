package org.vigi2fa.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.vigi2fa.testing.Totp;

/**
 * Benchmark users made through the admin API: the realm's password hashing, and (when asked) an OTP credential
 * with a known secret stored the way a realm import does it, like VigiEnvironment.newUserWithOtp.
 */
final class BenchUsers {

    static final String PASSWORD = "Correct-Horse-9";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

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
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.test");
        user.setFirstName("Bench");
        user.setLastName("User");
        user.setEnabled(true);
        user.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        List<CredentialRepresentation> credentials = new ArrayList<>(List.of(password));
        String secret = null;
        if (withOtp) {
            secret = randomSecret(20);
            CredentialRepresentation otp = new CredentialRepresentation();
            otp.setType("otp");
            otp.setUserLabel("bench phone");
            otp.setSecretData("{\"value\":\"" + secret + "\"}");
            otp.setCredentialData("{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
            credentials.add(otp);
        }
        user.setCredentials(credentials);
        try (var response = realm.users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Creating " + username + " failed: HTTP " + response.getStatus());
            }
            String path = response.getLocation().getPath();
            return new BenchUser(path.substring(path.lastIndexOf('/') + 1), username, user.getEmail(),
                    secret == null ? null : Totp.ofKey(secret.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Removes the user's OTP credentials so the same user can enrol again. */
    static void removeOtp(RealmResource realm, BenchUser user) {
        var resource = realm.users().get(user.id());
        resource.credentials().stream().filter(c -> "otp".equals(c.getType()))
                .forEach(c -> resource.removeCredential(c.getId()));
    }

    static String randomSecret(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}

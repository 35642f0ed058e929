package org.vigi2fa.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The cookie's secret: 256 random bits, stored server-side only as SHA-256 (a fast hash is enough for a value with
 * that much entropy; there is nothing to brute-force) and compared in constant time.
 */
final class TrustSecret {

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrustSecret() {
    }

    static String fresh() {
        byte[] random = new byte[BYTES];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the secret hashes to the stored hash; constant time, so timing tells nothing about the hash. */
    static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}

package org.vigi2fa.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The cookie's secret: 256 random bits, only its hash stored, and only the exact secret matches it. */
class TrustSecretTest {

    @Test
    void secretsAre256RandomBitsAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = TrustSecret.fresh();
            assertEquals(43, secret.length(), "32 bytes, base64url without padding");
            assertTrue(seen.add(secret));
        }
    }

    @Test
    void onlyTheExactSecretMatchesItsHash() {
        String secret = TrustSecret.fresh();
        String hash = TrustSecret.hash(secret);
        assertNotEquals(secret, hash, "the store never holds the secret");
        assertTrue(TrustSecret.matches(secret, hash));
        assertFalse(TrustSecret.matches(secret.substring(1), hash));
        assertFalse(TrustSecret.matches(secret + "A", hash));
        assertFalse(TrustSecret.matches(hash, hash), "the hash itself is no cookie");
        assertFalse(TrustSecret.matches(null, hash));
        assertFalse(TrustSecret.matches(secret, null));
    }
}

package org.vigi2fa.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.dto.RecoveryAuthnCodeRepresentation;
import org.keycloak.models.utils.RecoveryAuthnCodesUtils;

/** How a recovery code is stored: salted PBKDF2 per code in Keycloak's credential shape; Keycloak's SHA-512 still read. */
class RecoveryCodeHashTest {

    private static final PasswordHashProvider HASHER = Pbkdf2ForTests.hasher();
    private static final Function<String, PasswordHashProvider> HASHERS = id -> "pbkdf2-sha512".equals(id) ? HASHER : null;

    @Test
    void aNewCodeIsStoredWithAlgorithmIterationsAndASaltOfItsOwn() {
        String code = "ABCDEFGHJKLMNPQR";
        String stored = RecoveryCodeHash.encode(HASHER, code);
        String[] parts = stored.split("\\$");
        assertEquals(List.of("", "pbkdf2-sha512", "210000"), List.of(parts[0], parts[1], parts[2]), stored);
        assertEquals(16, Base64.getDecoder().decode(parts[3]).length, "a 128-bit salt");
        assertEquals(64, Base64.getDecoder().decode(parts[4]).length, "a 512-bit derived key");
        assertNotEquals(stored, RecoveryCodeHash.encode(HASHER, code), "the same code hashes differently each time");
        assertTrue(RecoveryCodeHash.isSalted(stored));
        assertTrue(RecoveryCodeHash.matches(HASHERS, code, stored));
        assertFalse(RecoveryCodeHash.matches(HASHERS, "ABCDEFGHJKLMNPQS", stored));
    }

    @Test
    void aSetKeepsKeycloaksShapeWithOneSaltPerCode() {
        List<String> codes = RecoveryCodes.generate();
        RecoveryAuthnCodesCredentialModel set = RecoveryCodes.hashed(HASHER, codes, 1L);
        assertEquals(RecoveryAuthnCodesCredentialModel.TYPE, set.getType());
        assertTrue(set.getCredentialData().contains("\"algorithm\":\"pbkdf2-sha512\""), set.getCredentialData());
        assertTrue(set.getCredentialData().contains("\"hashIterations\":210000"), set.getCredentialData());
        Set<String> salts = new HashSet<>();
        RecoveryAuthnCodesCredentialModel reread = RecoveryAuthnCodesCredentialModel.createFromCredentialModel(set);
        for (int n = 1; n <= codes.size(); n++) {
            RecoveryAuthnCodeRepresentation next = reread.getNextRecoveryAuthnCode().orElseThrow();
            assertEquals(n, next.getNumber(), "Keycloak's order");
            assertTrue(RecoveryCodeHash.matches(HASHERS, codes.get(n - 1), next.getEncodedHashedValue()));
            assertFalse(RecoveryAuthnCodesUtils.verifyRecoveryCodeInput(codes.get(n - 1), next.getEncodedHashedValue()), "no unsalted digest");
            salts.add(next.getEncodedHashedValue().split("\\$")[3]);
            reread.removeRecoveryAuthnCode();
        }
        assertEquals(codes.size(), salts.size(), "every code has its own salt");
        assertTrue(reread.getCredentialData().contains("\"remaining\":0") || reread.getCredentialData().contains("\"remainingCodes\":0"),
                "Keycloak's strike keeps the shape: " + reread.getCredentialData());
    }

    @Test
    void keycloaksUnsaltedSha512IsStillRead() {
        String old = "ABCDEFGH2345";
        String stored = Base64.getEncoder().encodeToString(RecoveryAuthnCodesUtils.hashRawCode(old));
        assertFalse(RecoveryCodeHash.isSalted(stored));
        assertTrue(RecoveryCodeHash.matches(HASHERS, old, stored));
        assertFalse(RecoveryCodeHash.matches(HASHERS, "ABCDEFGH2346", stored));
    }

    @Test
    void aDamagedOrUnknownValueMatchesNothing() {
        String stored = RecoveryCodeHash.encode(HASHER, "ABCDEFGHJKLMNPQR");
        assertFalse(RecoveryCodeHash.matches(HASHERS, "ABCDEFGHJKLMNPQR", stored.replace("pbkdf2-sha512", "argon9")), "unknown algorithm");
        assertFalse(RecoveryCodeHash.matches(HASHERS, "ABCDEFGHJKLMNPQR", stored.replace("$210000$", "$many$")));
        assertFalse(RecoveryCodeHash.matches(HASHERS, "ABCDEFGHJKLMNPQR", stored + "$extra"));
        assertFalse(RecoveryCodeHash.matches(HASHERS, "ABCDEFGHJKLMNPQR", "$pbkdf2-sha512$210000$***$***"));
    }
}

package org.vigi2fa.recovery;

import java.util.Base64;
import java.util.function.Function;

import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.RecoveryAuthnCodesUtils;

/**
 * The stored form of one recovery code, in the {@code encodedHashedValue} field of Keycloak's recovery-code credential
 * (the only per-code field it keeps when it strikes a code): {@code $<algorithm>$<iterations>$<salt>$<hash>}, made
 * by Keycloak's own password hashing with a salt per code. A value without the leading {@code $} is Keycloak's
 * unsalted SHA-512 (Base64 has no {@code $}), which a set made before still holds and which still verifies.
 */
final class RecoveryCodeHash {

    private static final String SEPARATOR = "$";
    private static final int PARTS = 5;

    private RecoveryCodeHash() {
    }

    /** Hashes a fresh code with a salt of its own and {@link RecoveryIds#HASH_ITERATIONS}. */
    static String encode(PasswordHashProvider hasher, String code) {
        PasswordCredentialModel hashed = hasher.encodedCredential(code, RecoveryIds.HASH_ITERATIONS);
        return SEPARATOR + String.join(SEPARATOR, hashed.getPasswordCredentialData().getAlgorithm(),
                Integer.toString(hashed.getPasswordCredentialData().getHashIterations()),
                Base64.getEncoder().encodeToString(hashed.getPasswordSecretData().getSalt()),
                hashed.getPasswordSecretData().getValue());
    }

    /** Whether the stored value is salted (this format) rather than Keycloak's unsalted SHA-512. */
    static boolean isSalted(String stored) {
        return stored.startsWith(SEPARATOR);
    }

    /** Whether the code matches the stored value, in whichever of the two formats it is; hashers by algorithm id. */
    static boolean matches(Function<String, PasswordHashProvider> hashers, String code, String stored) {
        if (!isSalted(stored)) {
            return RecoveryAuthnCodesUtils.verifyRecoveryCodeInput(code, stored);
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != PARTS) {
            return false;
        }
        PasswordHashProvider hasher = hashers.apply(parts[1]);
        if (hasher == null) {
            return false;
        }
        try {
            PasswordCredentialModel model = PasswordCredentialModel.createFromValues(parts[1], Base64.getDecoder().decode(parts[3]),
                    Integer.parseInt(parts[2]), parts[4]);
            return hasher.verify(code, model);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

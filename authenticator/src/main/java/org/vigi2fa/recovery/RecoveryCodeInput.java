package org.vigi2fa.recovery;

import java.util.Locale;

import org.keycloak.models.utils.RecoveryAuthnCodesUtils;

/**
 * Turns what a user typed into a recovery code as Keycloak generated it: spaces and dashes dropped (Keycloak shows
 * the codes in three dash-joined groups of four), upper case; null unless exactly Keycloak's code length of its alphabet remains.
 */
public final class RecoveryCodeInput {

    /** Length of Keycloak's generated codes (RecoveryAuthnCodesUtils' CODE_LENGTH, which it does not expose). */
    static final int LENGTH = 12;
    /** Longer input is never a code: never hashed. */
    static final int MAX_RAW_LENGTH = 64;
    private static final String ALPHABET = new String(RecoveryAuthnCodesUtils.UPPERNUM);

    private RecoveryCodeInput() {
    }

    public static boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }

    public static String normalise(String raw) {
        if (raw == null || raw.length() > MAX_RAW_LENGTH) {
            return null;
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : raw.toUpperCase(Locale.ROOT).toCharArray()) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
            code.append(c);
        }
        return code.length() == LENGTH ? code.toString() : null;
    }
}

package org.vigi2fa.recovery;

import java.util.Locale;

import org.keycloak.models.utils.RecoveryAuthnCodesUtils;

/**
 * Turns what a user typed into a recovery code as it was generated: spaces and dashes dropped (the list shows groups
 * of four), upper case; null unless a whole code remains: 16 characters of {@link RecoveryIds#CODE_ALPHABET}, or 12 of
 * Keycloak's own alphabet for a set made before (those stay valid until the set is replaced).
 */
public final class RecoveryCodeInput {

    /** Longer input is never a code: never hashed. */
    static final int MAX_RAW_LENGTH = 64;
    /** Length of Keycloak's generated codes (RecoveryAuthnCodesUtils' CODE_LENGTH, which it does not expose). */
    static final int KEYCLOAK_LENGTH = 12;
    private static final String KEYCLOAK_ALPHABET = new String(RecoveryAuthnCodesUtils.UPPERNUM);

    private RecoveryCodeInput() {
    }

    public static boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }

    public static String normalise(String raw) {
        if (raw == null || raw.length() > MAX_RAW_LENGTH) {
            return null;
        }
        StringBuilder code = new StringBuilder(RecoveryIds.CODE_LENGTH);
        for (char c : raw.toUpperCase(Locale.ROOT).toCharArray()) {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-') {
                code.append(c);
            }
        }
        String typed = code.toString();
        return isCode(typed, RecoveryIds.CODE_LENGTH, RecoveryIds.CODE_ALPHABET) || isCode(typed, KEYCLOAK_LENGTH, KEYCLOAK_ALPHABET)
                ? typed : null;
    }

    /** The code as the list shows it: four groups of four characters joined by dashes. */
    static String grouped(String code) {
        StringBuilder shown = new StringBuilder(code.length() + code.length() / 4);
        for (int i = 0; i < code.length(); i += 4) {
            shown.append(i == 0 ? "" : "-").append(code, i, Math.min(i + 4, code.length()));
        }
        return shown.toString();
    }

    private static boolean isCode(String typed, int length, String alphabet) {
        return typed.length() == length && typed.chars().allMatch(c -> alphabet.indexOf(c) >= 0);
    }
}

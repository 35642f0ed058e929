package org.vigi2fa.guard;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.RealmModel;
import org.vigi2fa.VigiIds;

/**
 * Turns what a user typed into the code field into the ASCII digits the OTP check expects, or null; and tells the
 * page's code field the same rule, so the browser checks what the server checks.
 */
public final class CodeInput {

    /** Longer input is never a code; stops work on huge bodies early. */
    public static final int MAX_RAW_LENGTH = 64;

    private CodeInput() {
    }

    /** The rule for the template's code field (vigi-2fa-code-input.ftl): the policy's digits and the length cap. */
    public static LoginFormsProvider describe(LoginFormsProvider form, RealmModel realm) {
        return form.setAttribute(VigiIds.ATTR_CODE_DIGITS, realm.getOTPPolicy().getDigits())
                .setAttribute(VigiIds.ATTR_CODE_MAX_LENGTH, MAX_RAW_LENGTH);
    }

    public static boolean isBlank(String raw) {
        return raw == null || raw.codePoints().allMatch(CodeInput::isSpace);
    }

    /**
     * Drops spaces (apps show "123 456") and maps any Unicode decimal digit (Arabic-Indic, full-width, ...)
     * to ASCII; returns null unless exactly {@code digits} digits remain.
     */
    public static String normalise(String raw, int digits) {
        if (raw == null || raw.length() > MAX_RAW_LENGTH) {
            return null;
        }
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                continue;
            }
            if (Character.getType(cp) != Character.DECIMAL_DIGIT_NUMBER) {
                return null;
            }
            code.append((char) ('0' + Character.digit(cp, 10)));
        }
        return code.length() == digits ? code.toString() : null;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}

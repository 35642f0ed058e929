package org.vigi2fa.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the code field accepts before the OTP check. */
class CodeInputTest {

    @Test
    void keepsAPlainCode() {
        assertEquals("012345", CodeInput.normalise("012345", 6));
    }

    @Test
    void dropsTheSpacesAuthenticatorAppsShow() {
        assertEquals("123456", CodeInput.normalise(" 123 456\t", 6));
        assertEquals("123456", CodeInput.normalise("123\u00a0456", 6));
        assertEquals("123456", CodeInput.normalise("123\u3000456", 6));
    }

    @Test
    void mapsOtherDecimalDigitsToAscii() {
        assertEquals("123456", CodeInput.normalise("\u0661\u0662\u0663\u0664\u0665\u0666", 6), "Arabic-Indic");
        assertEquals("123456", CodeInput.normalise("\uff11\uff12\uff13\uff14\uff15\uff16", 6), "full-width");
        assertEquals("123456", CodeInput.normalise("\u0967\u0968\u0969\u096a\u096b\u096c", 6), "Devanagari");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "12345a", "+12345", "-12345", "12.345", "1234\u00006",
            "<b>123456</b>", "١٢٣٤٥", "\u00b9\u00b2\u00b3456", "\u2460\u2461\u2462\u2463\u2464\u2465"})
    void refusesAnythingElse(String raw) {
        assertNull(CodeInput.normalise(raw, 6), raw);
    }

    @Test
    void refusesHugeInputWithoutScanningIt() {
        assertNull(CodeInput.normalise(" ".repeat(1_000_000) + "123456", 6));
    }

    @Test
    void blankMeansNothingTyped() {
        assertTrue(CodeInput.isBlank(null));
        assertTrue(CodeInput.isBlank(" \t\u3000"));
        assertFalse(CodeInput.isBlank(" 1"));
    }
}

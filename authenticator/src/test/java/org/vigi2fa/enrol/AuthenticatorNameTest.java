package org.vigi2fa.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The optional authenticator name: trimmed, one line, cut at Keycloak's 255-character label, blank means none. */
class AuthenticatorNameTest {

    @Test
    void blankOrMissingMeansTheDefaultLabel() {
        assertNull(AuthenticatorName.of(null));
        assertNull(AuthenticatorName.of(""));
        assertNull(AuthenticatorName.of("    "));
        assertNull(AuthenticatorName.of(" \t\r\n\u3000\u00a0 "));
    }

    @Test
    void aNameIsTrimmedAndKeptOnOneLine() {
        assertEquals("Pixel 8", AuthenticatorName.of("  Pixel 8  "));
        assertEquals("Pixel  8", AuthenticatorName.of("Pixel\n\u00008"));
        assertEquals("<b>Pixel</b> & \"8\"", AuthenticatorName.of("<b>Pixel</b> & \"8\""), "markup is text here; pages escape it");
    }

    @Test
    void aLongNameIsCutAtTheLimitWithoutSplittingACharacter() {
        assertEquals("a".repeat(255), AuthenticatorName.of("a".repeat(500)));
        String emojiAcrossTheCut = "a".repeat(254) + "\uD83D\uDCF1" + "b";
        assertEquals("a".repeat(254), AuthenticatorName.of(emojiAcrossTheCut));
        assertEquals("a".repeat(253) + "\uD83D\uDCF1", AuthenticatorName.of("a".repeat(253) + "\uD83D\uDCF1" + "b"));
        assertEquals("a".repeat(10), AuthenticatorName.of("a".repeat(10) + " ".repeat(400) + "b"), "no trailing spaces after the cut");
    }
}

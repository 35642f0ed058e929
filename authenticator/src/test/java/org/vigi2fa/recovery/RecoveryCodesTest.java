package org.vigi2fa.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The format of a new recovery code: 16 characters over 32 symbols without look-alikes, at least 80 bits each. */
class RecoveryCodesTest {

    @Test
    void aCodeCarriesAtLeastEightyBits() {
        int symbols = (int) RecoveryIds.CODE_ALPHABET.chars().distinct().count();
        assertEquals(RecoveryIds.CODE_ALPHABET.length(), symbols, "no symbol twice");
        assertEquals(32, symbols);
        double bits = RecoveryIds.CODE_LENGTH * Math.log(symbols) / Math.log(2);
        assertTrue(bits >= 80, bits + " bits");
    }

    @Test
    void theAlphabetHasNoLookAlikes() {
        for (char c : "0O1I".toCharArray()) {
            assertFalse(RecoveryIds.CODE_ALPHABET.indexOf(c) >= 0, c + " is in the alphabet");
        }
        assertTrue(RecoveryIds.CODE_ALPHABET.chars().allMatch(c -> Character.isDigit(c) || Character.isUpperCase(c)));
    }

    @Test
    void aFreshListIsTwelveDistinctCodesOfTheAlphabet() {
        List<String> codes = RecoveryCodes.generate();
        assertEquals(12, codes.size());
        assertEquals(12, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("[" + RecoveryIds.CODE_ALPHABET + "]{16}"), code);
            assertEquals(code, RecoveryCodeInput.normalise(RecoveryCodeInput.grouped(code).toLowerCase()), "typed back as shown");
        }
    }
}

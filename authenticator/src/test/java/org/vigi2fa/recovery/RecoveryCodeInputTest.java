package org.vigi2fa.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a user may type for a recovery code: 16 characters (or 12 from a set made before), with spaces, dashes and any case. */
class RecoveryCodeInputTest {

    @Test
    void dashesSpacesAndLowerCaseAreTheSameCode() {
        assertEquals("ABCDEFGH2345JKLM", RecoveryCodeInput.normalise(" abcd-EFGH 2345\tjklm "));
        assertEquals("ABCDEFGH2345JKLM", RecoveryCodeInput.normalise("ABCD\u00a0EFGH\u20142345-JKLM".replace('\u2014', '-')));
        assertEquals("ABCD-EFGH-2345-JKLM", RecoveryCodeInput.grouped("ABCDEFGH2345JKLM"), "as the list shows it");
    }

    @Test
    void aCodeOfASetMadeBeforeIsKeycloaksTwelveCharacters() {
        assertEquals("ABCDEFGH2345", RecoveryCodeInput.normalise(" abcd-EFGH 2345\t"));
        assertEquals("IJKL1MNPQRST", RecoveryCodeInput.normalise("ijkl-1mnp-qrst"), "Keycloak's alphabet has I and 1");
        assertNull(RecoveryCodeInput.normalise("ABCD-EFGH-0345"), "0 is in neither alphabet");
    }

    @Test
    void anythingElseIsNoCode() {
        assertNull(RecoveryCodeInput.normalise(null));
        assertNull(RecoveryCodeInput.normalise("ABCD-EFGH-234"), "too short");
        assertNull(RecoveryCodeInput.normalise("ABCD-EFGH-2345-JKL"), "between the two lengths");
        assertNull(RecoveryCodeInput.normalise("ABCD-EFGH-2345-JKLMN"), "too long");
        assertNull(RecoveryCodeInput.normalise("ABCD-EFGH-2345-JKL1"), "1 is not in the new alphabet");
        assertNull(RecoveryCodeInput.normalise("ABCD-EFGH-2345-JKLO"), "O is not in the new alphabet");
        assertNull(RecoveryCodeInput.normalise("ABCD-EFGH-ÄBCD"));
        assertNull(RecoveryCodeInput.normalise("A".repeat(1000)), "never looked at past 64 characters");
        assertTrue(RecoveryCodeInput.isBlank(" \t"));
    }
}

package org.vigi2fa.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a user may type for a recovery code: Keycloak's 12 characters, with spaces, dashes and any case. */
class RecoveryCodeInputTest {

    @Test
    void dashesSpacesAndLowerCaseAreTheSameCode() {
        assertEquals("ABCDEFGH2345", RecoveryCodeInput.normalise(" abcd-EFGH 2345\t"));
        assertEquals("ABCDEFGH2345", RecoveryCodeInput.normalise("ABCD\u00a0EFGH\u20142345".replace('\u2014', '-')));
    }

    @Test
    void anythingElseIsNoCode() {
        assertNull(RecoveryCodeInput.normalise(null));
        assertNull(RecoveryCodeInput.normalise("ABCD-EFGH-234"), "too short");
        assertNull(RecoveryCodeInput.normalise("ABCD-EFGH-23456"), "too long");
        assertNull(RecoveryCodeInput.normalise("ABCD-EFGH-0345"), "0 is not in Keycloak's alphabet");
        assertNull(RecoveryCodeInput.normalise("ABCD-EFGH-ÄBCD"));
        assertNull(RecoveryCodeInput.normalise("A".repeat(1000)), "never looked at past 64 characters");
        assertTrue(RecoveryCodeInput.isBlank(" \t"));
    }
}

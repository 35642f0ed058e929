package org.vigi2fa.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The "check your mailbox" page never shows the address in full. */
class EmailMaskTest {

    @Test
    void masksLocalPartAndHost() {
        assertEquals("a***@e***.com", EmailMask.mask("alice@example.com"));
        assertEquals("b***@m***.uk", EmailMask.mask("bob@mail.co.uk"));
    }

    @Test
    void neverRevealsTheAddress() {
        String address = "someone.long@vigi-example.test";
        String masked = EmailMask.mask(address);
        assertFalse(masked.contains("someone"), masked);
        assertFalse(masked.contains("vigi-example"), masked);
    }

    @Test
    void oddInputGivesStars() {
        assertEquals("***", EmailMask.mask(null));
        assertEquals("***", EmailMask.mask("no-at-sign"));
        assertEquals("***", EmailMask.mask("@example.com"));
        assertEquals("***", EmailMask.mask("x@"));
    }
}

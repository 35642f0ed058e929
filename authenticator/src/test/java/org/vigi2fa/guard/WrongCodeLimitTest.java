package org.vigi2fa.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The stored count belongs to one credential: another's count, or a broken value, is no count. */
class WrongCodeLimitTest {

    @Test
    void readsTheCountOfTheSameCredential() {
        assertEquals(42, WrongCodeLimit.count("cred-1:42", "cred-1"));
        assertEquals(WrongCodeLimit.LIMIT, WrongCodeLimit.count("cred-1:" + WrongCodeLimit.LIMIT, "cred-1"));
    }

    @Test
    void anotherCredentialsCountIsZero() {
        assertEquals(0, WrongCodeLimit.count("cred-1:99", "cred-2"));
        assertEquals(0, WrongCodeLimit.count("cred-1:99", "cred-"));
        assertEquals(0, WrongCodeLimit.count("cred-1:99", null));
    }

    @Test
    void aMissingOrBrokenValueIsZero() {
        assertEquals(0, WrongCodeLimit.count(null, "cred-1"));
        assertEquals(0, WrongCodeLimit.count("cred-1:", "cred-1"));
        assertEquals(0, WrongCodeLimit.count("cred-1:many", "cred-1"));
        assertEquals(0, WrongCodeLimit.count("cred-1:-5", "cred-1"));
    }
}

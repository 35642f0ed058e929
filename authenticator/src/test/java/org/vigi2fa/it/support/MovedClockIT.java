package org.vigi2fa.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;

/**
 * The tests' admin client keeps working while and after Keycloak's clock is moved: forward past the master realm's
 * session lifespan, and back after a sign-in made while it was ahead (a refresh then returns tokens "issued before the
 * session started"). Without this, whichever test came next after a clock move could meet a 401 from the admin API.
 */
@VigiTest
class MovedClockIT {

    private static final int BEYOND_SESSION_MAX = 11 * 3600;

    @Test
    void adminCallsWorkWithTheClockAheadAndAfterItIsRestored(VigiEnvironment env) {
        TestUser user = env.newUser("clockadmin");
        try {
            env.moveClock(BEYOND_SESSION_MAX);
            assertEquals(user.username(), env.realm().users().get(user.id()).toRepresentation().getUsername(),
                    "read with the clock 11 hours ahead");
        } finally {
            env.moveClock(0);
        }
        // the next token the client takes is a refresh of its current session, as after a minute of tests
        env.admin().tokenManager().refreshToken();
        assertEquals(user.username(), env.realm().users().get(user.id()).toRepresentation().getUsername(),
                "read after the clock was restored and the token refreshed");
    }
}

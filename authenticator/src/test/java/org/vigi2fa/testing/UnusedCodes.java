package org.vigi2fa.testing;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Codes of one authenticator for several sign-ins of one test: each from the server's look-around window, none twice
 * (Keycloak refuses a used code). The oldest first, so the one that leaves the window soonest is used while it is
 * still fresh on a slow machine.
 */
public final class UnusedCodes {

    private final Totp totp;
    private final Set<Long> used = new HashSet<>();

    public UnusedCodes(Totp totp) {
        this.totp = totp;
    }

    public String next() {
        long now = Math.floorDiv(Instant.now().getEpochSecond(), Totp.PERIOD);
        for (long period : new long[] {now - 1, now, now + 1}) {
            if (used.add(period)) {
                return totp.forPeriod(period);
            }
        }
        throw new AssertionError("the look-around window has no unused code left");
    }
}

package org.vigi2fa.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.vigi2fa.bench.BenchUsers.BenchUser;
import org.vigi2fa.testing.Totp;

/**
 * Hands out users round-robin so that no user signs in twice within one TOTP period: Keycloak refuses a code
 * used before (credential id + code in the single-use store), and the benchmark must never hit that.
 */
final class UserPool {

    private final List<BenchUser> users = new ArrayList<>();
    private final List<Long> lastPeriod = new ArrayList<>();
    /** When a user may be handed out again. */
    enum Reuse {
        /** Any time: password-only logins have no code to replay. */
        ANY_TIME,
        /** In the next TOTP period: 2FA logins. */
        NEXT_PERIOD,
        /** After {@link #reset()}: enrolment (a user enrols once). */
        AFTER_RESET
    }

    private final Reuse reuse;
    private int next;
    private long starved;

    UserPool(Reuse reuse) {
        this.reuse = reuse;
    }

    synchronized void add(List<BenchUser> more) {
        for (BenchUser user : more) {
            users.add(user);
            lastPeriod.add(Long.MIN_VALUE);
        }
    }

    /** Makes every user available again. */
    synchronized void reset() {
        lastPeriod.replaceAll(ignored -> Long.MIN_VALUE);
        next = 0;
    }

    synchronized int size() {
        return users.size();
    }

    /** A user and the TOTP period it was handed out for: its code must be that period's, even if sent later. */
    record Lease(BenchUser user, long period) {

        /** The code of the leased period (still accepted in the next one: look-around 1). */
        String code() {
            return user.totp().forPeriod(period);
        }
    }

    /** A user not handed out yet in the current TOTP period; null if there is none. */
    synchronized Lease take() {
        long period = currentPeriod();
        for (int tried = 0; tried < users.size(); tried++) {
            int index = next;
            next = (next + 1) % users.size();
            // A later period gives a different code, so the single-use store never sees a repeat.
            if (reuse == Reuse.ANY_TIME || lastPeriod.get(index) < period) {
                lastPeriod.set(index, reuse == Reuse.AFTER_RESET ? Long.MAX_VALUE : period);
                return new Lease(users.get(index), period);
            }
        }
        starved++;
        return null;
    }

    /** How often {@link #take()} found no user (must stay 0 for a valid run). */
    synchronized long starved() {
        return starved;
    }

    static long currentPeriod() {
        return Math.floorDiv(Instant.now().getEpochSecond(), Totp.PERIOD);
    }
}

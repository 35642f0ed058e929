package org.vigi2fa.testing;

import java.util.Map;
import java.util.function.Predicate;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Keycloak's brute-force record of one user (numFailures, disabled, ...) as an admin API reports it. Keycloak records
 * failures on a background executor, so the checks poll (up to 15 s) until the record matches.
 */
public final class BruteForce {

    private static final int POLLS = 150;
    private static final long POLL_MILLIS = 100;

    private final RealmResource realm;
    private final String userId;

    private BruteForce(RealmResource realm, String userId) {
        this.realm = realm;
        this.userId = userId;
    }

    /** The record in the test realm, read through the environment's admin client. */
    public static BruteForce of(VigiEnvironment env, String userId) {
        return new BruteForce(env.realm(), userId);
    }

    /** The record in the test realm as this admin client (e.g. one of a single cluster node) reads it. */
    public static BruteForce on(Keycloak admin, String userId) {
        return new BruteForce(admin.realm(VigiEnvironment.REALM), userId);
    }

    public Map<String, Object> status() {
        return realm.attackDetection().bruteForceUserStatus(userId);
    }

    public int failures() {
        return failures(status());
    }

    public boolean locked() {
        return locked(status());
    }

    /** Polls until the record matches; fails naming what it waited for and the last record. Returns the matching record. */
    public Map<String, Object> await(Predicate<Map<String, Object>> condition, String what) {
        Map<String, Object> status = status();
        for (int i = 0; i < POLLS && !condition.test(status); i++) {
            pause();
            status = status();
        }
        if (!condition.test(status)) {
            throw new AssertionError("brute-force record never showed " + what + ": " + status);
        }
        return status;
    }

    /** Until exactly this many failures are recorded. */
    public Map<String, Object> awaitFailures(int expected) {
        return await(status -> failures(status) == expected, "numFailures=" + expected);
    }

    /** Until at least this many failures are recorded. */
    public Map<String, Object> awaitAtLeast(int expected) {
        return await(status -> failures(status) >= expected, "numFailures>=" + expected);
    }

    /** Until the user is locked (temporarily disabled). */
    public Map<String, Object> awaitLocked() {
        return await(BruteForce::locked, "disabled");
    }

    /**
     * Keeps two failures of one user more than a second apart in real time, so Keycloak's quick-login rule
     * (quickLoginCheckMilliSeconds 1000) is not what a test measures unless it means to.
     */
    public static void nextAttempt() {
        Pause.millis(1_200);
    }

    public static int failures(Map<String, Object> status) {
        return status.get("numFailures") instanceof Number n ? n.intValue() : 0;
    }

    public static boolean locked(Map<String, Object> status) {
        return Boolean.TRUE.equals(status.get("disabled"));
    }

    private static void pause() {
        Pause.millis(POLL_MILLIS);
    }
}

package org.vigi2fa.testing;

import java.util.function.BooleanSupplier;

/** A sleep for the few waits tests cannot avoid (polls, Keycloak's quick-login rule, a period about to turn). */
public final class Pause {

    private Pause() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls until the condition holds (true) or the seconds are over (false): for what a request that no one waits
     * for does on the server (a dropped connection) and only the server's state can show.
     */
    public static boolean until(BooleanSupplier condition, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            millis(50);
        }
        return true;
    }
}

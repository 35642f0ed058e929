package org.vigi2fa.testing;

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
}

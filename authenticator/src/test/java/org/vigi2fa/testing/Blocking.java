package org.vigi2fa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One blocking call of the test support (an HTTP send, a server build to wait for) with the failures a test cannot
 * handle turned unchecked: I/O as {@link UncheckedIOException}, an interruption as {@link IllegalStateException} with
 * the thread's interrupt flag kept.
 */
public final class Blocking {

    private Blocking() {
    }

    /** What may block: it returns a value or fails with I/O or an interruption. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    public static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.vigi2fa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Collects the Keycloak server's heap before a measured block ({@code jcmd PID GC.run}), outside the block's CPU
 * reading. Without it, a block pays for the collection of garbage the previous block (another flow) left behind,
 * which is one reason the per-round ratios scattered; with it, every block starts from the same empty young
 * generation and its GC time is for its own allocations.
 */
final class ServerGc {

    /** After the collection: G1's concurrent follow-up work (and the attach thread) settles before the block starts. */
    private static final long SETTLE_MS = 500;

    private static volatile boolean unavailable;

    private ServerGc() {
    }

    /** Whether the heap was collected; false (once logged) where jcmd cannot reach the server. */
    static boolean collect(ProcessHandle server) throws InterruptedException {
        if (unavailable || server == null || !server.isAlive()) {
            return false;
        }
        try {
            Process jcmd = new ProcessBuilder(jcmd(), Long.toString(server.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                jcmd.destroyForcibly();
                return giveUp("jcmd GC.run did not succeed");
            }
        } catch (java.io.IOException e) {
            return giveUp(e.getMessage());
        }
        Thread.sleep(SETTLE_MS);
        return true;
    }

    /** The jcmd beside the java running this driver (the server runs the same JDK), else the one on PATH. */
    private static String jcmd() {
        return ProcessHandle.current().info().command()
                .map(java -> Path.of(java).resolveSibling("jcmd"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .orElse("jcmd");
    }

    private static boolean giveUp(String why) {
        unavailable = true;
        System.out.println("[bench] blocks start without a server GC: " + why);
        return false;
    }
}

package org.vigi2fa.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one block: N virtual users, each doing journeys back to back until the block's time or count runs out
 * (closed loop: a new journey starts only when the previous one ended). Measures completions, errors, step
 * latencies and the Keycloak process's CPU time, from a freshly collected server heap (ServerGc).
 */
final class ClosedLoop {

    /** One journey by one virtual user; records step latencies (ms) into {@code steps}; throws on any error. */
    interface Journey {
        /** @return false if no user was available (counted, not an error) */
        boolean run(BenchSession session, Steps steps) throws Exception;
    }

    /** Per-journey latencies of the steps that matter. */
    static final class Steps {
        final List<Double> codeStep = Collections.synchronizedList(new ArrayList<>());
        final List<Double> passwordStep = Collections.synchronizedList(new ArrayList<>());
        final List<Double> journey = Collections.synchronizedList(new ArrayList<>());
    }

    /** What one block measured. */
    record Block(String name, int completed, int errors, String firstError, double seconds, double serverCpuMs,
                 double driverCpuMs, long unavailable, Steps steps) {

        /** Void when any journey failed or had to wait for a user (the pool must never be the bottleneck). */
        boolean valid() {
            return errors == 0 && unavailable == 0 && completed > 0;
        }

        double perSecond() {
            return completed / seconds;
        }

        double serverCpuMsPerJourney() {
            return completed == 0 ? Double.NaN : serverCpuMs / completed;
        }
    }

    private ClosedLoop() {
    }

    static Block run(String name, List<BenchSession> sessions, Duration duration, int maxJourneys, ProcessHandle server,
                     Journey journey) throws InterruptedException {
        Steps steps = new Steps();
        Tally tally = new Tally(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicReference<>());
        ServerGc.collect(server);
        double cpuBefore = CpuClock.processCpuMs(server);
        double driverBefore = driverCpuMs();
        long t0 = System.nanoTime();
        long deadline = t0 + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (BenchSession session : sessions) {
            Thread thread = new Thread(() -> journeys(session, journey, steps, tally, deadline, maxJourneys), "bench-" + name);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(5).toMillis());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Block(name, (int) tally.completed().get(), (int) tally.errors().get(), tally.firstError().get(), seconds,
                CpuClock.processCpuMs(server) - cpuBefore, driverCpuMs() - driverBefore, tally.unavailable().get(), steps);
    }

    /** What the virtual users of one block count together. */
    private record Tally(AtomicLong started, AtomicLong completed, AtomicLong errors, AtomicLong unavailable,
                         AtomicReference<String> firstError) {
    }

    /** One virtual user: journeys back to back until the deadline or the block's journey limit. */
    private static void journeys(BenchSession session, Journey journey, Steps steps, Tally tally, long deadline, int maxJourneys) {
        while (System.nanoTime() < deadline && tally.started().incrementAndGet() <= maxJourneys) {
            try {
                session.reset();
                long s = System.nanoTime();
                if (journey.run(session, steps)) {
                    steps.journey.add((System.nanoTime() - s) / 1e6);
                    tally.completed().incrementAndGet();
                } else {
                    tally.unavailable().incrementAndGet();
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | AssertionError e) {
                tally.errors().incrementAndGet();
                tally.firstError().compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private static double driverCpuMs() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e6;
        }
        return Double.NaN;
    }
}

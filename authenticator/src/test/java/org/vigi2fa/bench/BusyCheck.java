package org.vigi2fa.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether other processes were busy while the benchmark ran: the machine's busy CPU time (/proc/stat) over the run,
 * minus the Keycloak server's and this driver's own, as a share of what the machine's cores could give. Load average
 * cannot tell: the benchmark itself keeps the cores busy. A run whose others took more than {@link #QUIET_SHARE}
 * gets no headline.
 */
final class BusyCheck {

    /** At most this share of the machine's CPU capacity for everything but the server and the driver. */
    static final double QUIET_SHARE = 0.05;
    private static final double MS_PER_TICK = 10.0;

    private final ProcessHandle server;
    private final String loadBefore;
    private final double machineBefore;
    private final double serverBefore;
    private final double driverBefore;
    private final long t0 = System.nanoTime();

    private BusyCheck(ProcessHandle server) {
        this.server = server;
        this.loadBefore = Machine.loadAverage();
        this.machineBefore = machineBusyMs();
        this.serverBefore = CpuClock.processCpuMs(server);
        this.driverBefore = driverCpuMs();
    }

    static BusyCheck start(ProcessHandle server) {
        return new BusyCheck(server);
    }

    /** The figures since {@link #start}: load averages, CPU of others, and whether the machine was quiet. */
    Map<String, Object> finish() {
        double seconds = (System.nanoTime() - t0) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double machine = machineBusyMs() - machineBefore;
        double ours = CpuClock.processCpuMs(server) - serverBefore + driverCpuMs() - driverBefore;
        double others = Math.max(0, machine - ours);
        double share = others / (seconds * 1000 * cores);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("load_average_before", loadBefore);
        out.put("load_average_after", Machine.loadAverage());
        out.put("seconds", BenchStats.round(seconds));
        out.put("machine_busy_cpu_ms", BenchStats.round(machine));
        out.put("server_and_driver_cpu_ms", BenchStats.round(ours));
        out.put("other_processes_cpu_ms", BenchStats.round(others));
        out.put("other_processes_share_of_capacity", BenchStats.round(share));
        out.put("quiet_limit_share", QUIET_SHARE);
        out.put("quiet", !Double.isNaN(share) && share <= QUIET_SHARE);
        return out;
    }

    /** user + nice + system + irq + softirq + steal of all cores, from the first line of /proc/stat. */
    private static double machineBusyMs() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy * MS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double driverCpuMs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e6;
        }
        return Double.NaN;
    }
}

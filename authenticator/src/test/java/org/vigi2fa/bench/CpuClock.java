package org.vigi2fa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process (user + system, all threads) from /proc/PID/stat, in milliseconds. */
final class CpuClock {

    /** Linux reports utime/stime in clock ticks; 100 per second on every common kernel configuration. */
    private static final double MS_PER_TICK = 10.0;

    private CpuClock() {
    }

    static double processCpuMs(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // Fields after the command name (which may contain spaces) start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) * MS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}

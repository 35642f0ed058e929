package org.vigi2fa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on: CPU, cores, memory, OS, JVMs, load. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe(Path keycloakHome) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cpu_model", firstMatching("/proc/cpuinfo", "model name"));
        out.put("cores_visible", Runtime.getRuntime().availableProcessors());
        out.put("memory_total", firstMatching("/proc/meminfo", "MemTotal"));
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        out.put("driver_jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        out.put("load_average_at_start", loadAverage());
        return out;
    }

    /** The commit the provider was built from (with "+changes" when the work tree differs), or "unknown". */
    static String gitCommit(Path anyFileInRepo) {
        try {
            Path dir = anyFileInRepo.toAbsolutePath().getParent();
            String head = run(dir, "git", "rev-parse", "--short", "HEAD");
            String status = run(dir, "git", "status", "--porcelain", "--untracked-files=no", "--", "authenticator/src/main", "realm-config", "themes");
            return head.isEmpty() ? "unknown" : head + (status.isEmpty() ? "" : "+changes");
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        return process.waitFor() == 0 ? out : "";
    }

    /** The 1/5/15-minute load averages, as /proc/loadavg gives them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The JVM a process runs on, from the release file of the JDK its java binary belongs to. */
    static String jvmOf(ProcessHandle process) {
        String command = process.info().command().orElse("");
        if (command.isEmpty()) {
            return "unknown";
        }
        Path release = Path.of(command).toAbsolutePath().getParent().getParent().resolve("release");
        try {
            String text = Files.readString(release);
            String version = value(text, "JAVA_VERSION");
            String runtime = value(text, "IMPLEMENTOR");
            return (runtime.isEmpty() ? "" : runtime + " ") + "Java " + version + " (" + command + ")";
        } catch (IOException e) {
            return command;
        }
    }

    private static String value(String release, String key) {
        for (String line : release.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).replace("\"", "").trim();
            }
        }
        return "";
    }

    private static String firstMatching(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }
}

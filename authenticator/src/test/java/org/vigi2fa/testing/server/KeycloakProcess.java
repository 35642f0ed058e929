package org.vigi2fa.testing.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** What every launcher of a Keycloak distribution process needs: wait for ready, stop, wipe a folder. */
public final class KeycloakProcess {

    private KeycloakProcess() {
    }

    /**
     * Polls the management port's /health/ready until 200. Fails at once when the process exits and after
     * {@code timeout} otherwise (then stops the process); both failures name the log.
     */
    public static void awaitReady(Process process, int managementPort, Duration timeout, Path log) throws InterruptedException {
        if (!pollReady(process::isAlive, managementPort, timeout)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            stop(process);
            throw new IllegalStateException("Keycloak not ready within " + timeout + "; see " + log);
        }
    }

    /** Polls 127.0.0.1:managementPort/health/ready: true once it answers 200, false when {@code alive} fails or time is up. */
    static boolean pollReady(BooleanSupplier alive, int managementPort, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Stops kc.sh and the JVM it started: politely, then forcibly after 30 s. */
    public static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prepares a distribution for a start: a fresh data folder, our JARs alone in providers/, the realm in data/import. */
    static void freshHome(Path home, ServerSettings settings) throws IOException {
        deleteTree(home.resolve("data"));
        replaceProviders(home, settings.providerJars());
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(settings.realmFile(), imports.resolve(settings.realmFile().getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Empties providers/ of JARs and puts these in, as an operator swaps a release; the database stays. */
    static void replaceProviders(Path home, List<Path> jars) throws IOException {
        Path providers = home.resolve("providers");
        try (Stream<Path> old = Files.list(providers)) {
            for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        for (Path jar : jars) {
            Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A copy of a distribution without its data folder, made once: a server of its own beside the suite's. */
    static void copyOnce(Path from, Path to) throws IOException {
        if (Files.isRegularFile(to.resolve("bin/kc.sh"))) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.filter(p -> !p.startsWith(from.resolve("data"))).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

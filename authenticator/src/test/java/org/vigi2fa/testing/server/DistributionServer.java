package org.vigi2fa.testing.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keycloak from the official distribution (org.keycloak:keycloak-quarkus-dist), run as its own process
 * in dev mode on its embedded database, with the provider JARs in providers/ and the realm imported at start.
 */
final class DistributionServer implements KeycloakUnderTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final String baseUrl;
    private final boolean testClock;

    private DistributionServer(Process process, String baseUrl, boolean testClock) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.testClock = testClock;
    }

    static DistributionServer start(ServerSettings settings) {
        Path home = settings.distribution();
        if (home == null || !Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (mvn verify unpacks it)");
        }
        try {
            prepare(home, settings);
            List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + settings.httpPort(), "--http-management-port=" + settings.managementPort(),
                    "--health-enabled=true", "--import-realm", "--cache=local"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ServerSettings.ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ServerSettings.ADMIN_PASSWORD);
            builder.environment().putAll(settings.realmEnv());
            Process process = builder.start();
            String baseUrl = "http://localhost:" + settings.httpPort();
            DistributionServer server = new DistributionServer(process, baseUrl,
                    settings.providerJars().stream().anyMatch(jar -> jar.getFileName().toString().contains("testsupport")));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.awaitReady(settings.managementPort(), home.resolve("server.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh database, our JARs in providers/ and the realm file in data/import on every start. */
    private static void prepare(Path home, ServerSettings settings) throws IOException {
        deleteTree(home.resolve("data"));
        Path providers = home.resolve("providers");
        try (Stream<Path> old = Files.list(providers)) {
            for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        for (Path jar : settings.providerJars()) {
            Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(settings.realmFile(), imports.resolve(settings.realmFile().getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private void awaitReady(int managementPort, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://localhost:" + managementPort + "/health/ready");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("Keycloak not ready within " + START_TIMEOUT + "; see " + log);
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public boolean hasTestClock() {
        return testClock;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
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

package org.vigi2fa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.vigi2fa.testing.Blocking;
import org.vigi2fa.testing.server.KeycloakProcess;

/**
 * Keycloak from the official distribution in production mode: {@code kc.sh build} with our provider, then
 * {@code kc.sh start --optimized} on loopback HTTP, local caches, embedded dev-file database, realms imported at start.
 */
record BenchServer(Process process, String baseUrl, Path home) implements AutoCloseable {

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    /** Build-time options: what the server is built with (kc.sh build). */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--cache=local", "--health-enabled=true");

    /** Builds and starts the server; realm files are copied to data/import. */
    static BenchServer start(Path home, Path providerJar, List<Path> realmFiles, int httpPort, int managementPort,
                             Map<String, String> env) {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (mvn -Pbenchmark verify unpacks it)");
        }
        return Blocking.call(() -> {
            prepare(home, providerJar, realmFiles);
            List<String> build = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
            build.addAll(BUILD_OPTIONS);
            if (Boolean.getBoolean("bench.metrics")) {
                build.add("--metrics-enabled=true"); // the product's meters and Keycloak's: what they cost per login
            }
            Process builder = command(home, build, env, home.resolve("build.log")).start();
            if (!builder.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || builder.exitValue() != 0) {
                builder.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed; see " + home.resolve("build.log"));
            }
            // a fixed public address, as production has: without one the product refuses to mail a lost-phone link
            List<String> start = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                    "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort, "--hostname=http://127.0.0.1:" + httpPort, "--import-realm"));
            Process process = command(home, start, env, home.resolve("server.log")).start();
            BenchServer server = new BenchServer(process, "http://127.0.0.1:" + httpPort, home);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            KeycloakProcess.awaitReady(process, managementPort, START_TIMEOUT, home.resolve("server.log"));
            return server;
        });
    }

    private static ProcessBuilder command(Path home, List<String> command, Map<String, String> env, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // A fixed heap so runs compare; other servers share this machine.
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms512m -Xmx1g");
        builder.environment().putAll(env);
        return builder;
    }

    /** A fresh database, only our provider JAR in providers/, the realm files in data/import. */
    private static void prepare(Path home, Path providerJar, List<Path> realmFiles) throws IOException {
        KeycloakProcess.deleteTree(home.resolve("data"));
        Path providers = home.resolve("providers");
        try (Stream<Path> old = Files.list(providers)) {
            for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        Files.copy(providerJar, providers.resolve(providerJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path imports = Files.createDirectories(home.resolve("data/import"));
        for (Path realm : realmFiles) {
            Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The Keycloak JVM (kc.sh runs java as its child). */
    ProcessHandle javaProcess() {
        return process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("No Keycloak java process under kc.sh"));
    }

    /** The server's version line, e.g. "Keycloak 26.7.3". */
    String version() {
        try {
            return Files.readString(home.resolve("version.txt")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        KeycloakProcess.stop(process);
    }
}

package org.vigi2fa.testing.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.vigi2fa.testing.Blocking;

/**
 * The kc.sh command lines of the cluster: one production build (PostgreSQL, clustered Infinispan caches, health on the
 * management port), then each node started on ports of its own, all under one public URL and the jdbc-ping stack.
 */
final class ClusterLaunch {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final ServerSettings settings;
    private final Path home;
    private final PostgresProcess postgres;
    private final int transportPort;

    ClusterLaunch(ServerSettings settings, PostgresProcess postgres, int transportPort) {
        this.settings = settings;
        this.home = settings.distribution();
        this.postgres = postgres;
        this.transportPort = transportPort;
    }

    /** A fresh data folder, our JARs in providers/ and the realm file in data/import; then kc.sh build. */
    void prepareAndBuild() {
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "build",
                "--db=postgres", "--cache=ispn", "--health-enabled=true", "--metrics-enabled=true");
        Path log = home.resolve("build.log");
        Blocking.call(() -> {
            KeycloakProcess.freshHome(home, settings);
            Process build = process(command, log).start();
            if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed; see " + log);
            }
            return build;
        });
    }

    /** Starts the node (importing the realm when asked), its console to the log; see {@link #awaitReady}. */
    Process start(int node, String name, boolean importRealm, Path log) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--db-url=" + postgres.jdbcUrl(), "--db-username=" + PostgresProcess.USER, "--db-password=" + PostgresProcess.PASSWORD,
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort(node),
                "--http-management-port=" + managementPort(node),
                // one public URL for every node, as behind a load balancer
                "--hostname=" + publicUrl(),
                "--cache-stack=jdbc-ping",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + (transportPort + node),
                "--spi-cache-embedded-default-node-name=" + name));
        if (importRealm) {
            command.add("--import-realm");
        }
        return Blocking.call(() -> process(command, log).start());
    }

    /** Returns once the started node answers its health check. */
    void awaitReady(int node, Process process, Path log) {
        Blocking.call(() -> {
            KeycloakProcess.awaitReady(process, managementPort(node), START_TIMEOUT, log);
            return process;
        });
    }

    String publicUrl() {
        return "http://localhost:" + settings.httpPort();
    }

    int httpPort(int node) {
        return settings.httpPort() + node;
    }

    private int managementPort(int node) {
        return settings.managementPort() + node;
    }

    private ProcessBuilder process(List<String> command, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ServerSettings.ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ServerSettings.ADMIN_PASSWORD);
        // a fixed heap per node: two nodes, the database and the tests share this machine with others
        env.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx768m");
        env.putAll(settings.realmEnv());
        return builder;
    }
}

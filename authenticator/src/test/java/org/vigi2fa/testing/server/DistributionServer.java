package org.vigi2fa.testing.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keycloak from the official distribution (org.keycloak:keycloak-quarkus-dist), run as its own process
 * in dev mode on its embedded database, with the provider JARs in providers/ and the realm imported at start.
 */
record DistributionServer(Process process, String baseUrl, boolean hasTestClock) implements KeycloakUnderTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    static DistributionServer start(ServerSettings settings) {
        // a fixed public URL, as in production: links and token issuers never follow the request's Host
        return start(settings, "--hostname=http://localhost:" + settings.httpPort(), true);
    }

    /**
     * The same server again on the database its last start left, with the settings' JARs in providers/ (what an
     * operator does to upgrade or remove the provider); the realm file stays in data/import, whose import Keycloak
     * skips for a realm that exists.
     */
    static DistributionServer restart(ServerSettings settings) {
        return start(settings, "--hostname=http://localhost:" + settings.httpPort(), false);
    }

    /** The same server with no public URL fixed (plain {@code start-dev}): its URLs follow each request's Host. */
    static KeycloakUnderTest startWithoutHostname(ServerSettings settings) {
        return start(settings, null, true);
    }

    private static DistributionServer start(ServerSettings settings, String hostnameOption, boolean freshData) {
        Path home = settings.distribution();
        if (home == null || !Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (mvn verify unpacks the one"
                    + " -Dkeycloak.version names into target/keycloak-<version>)");
        }
        try {
            if (freshData) {
                KeycloakProcess.freshHome(home, settings);
            } else {
                KeycloakProcess.replaceProviders(home, settings.providerJars());
            }
            List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + settings.httpPort(), "--http-management-port=" + settings.managementPort(),
                    "--health-enabled=true", "--metrics-enabled=true", "--import-realm", "--cache=local"));
            if (hostnameOption != null) {
                command.add(hostnameOption);
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(logOf(home).toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ServerSettings.ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ServerSettings.ADMIN_PASSWORD);
            builder.environment().putAll(settings.realmEnv());
            Process process = builder.start();
            String baseUrl = "http://localhost:" + settings.httpPort();
            DistributionServer server = new DistributionServer(process, baseUrl, settings.withTestSupport());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            try {
                KeycloakProcess.awaitReady(process, settings.managementPort(), START_TIMEOUT, logOf(home));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.close();
                throw new IllegalStateException(e);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the server's console output goes. */
    static Path logOf(Path home) {
        return home.resolve("server.log");
    }

    @Override
    public void close() {
        KeycloakProcess.stop(process);
    }
}

package org.vigi2fa.testing.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.MountableFile;

/**
 * The same Keycloak release (-Dkeycloak.version) in the quay.io/keycloak/keycloak image (testcontainers-keycloak), on
 * Docker or on podman's Docker API (.ci/containers builds the image where none can be pulled). The container shares the
 * host's network and listens on 127.0.0.1 only, at the ports the distribution would use: it reaches the test JVM's
 * SMTP server at 127.0.0.1 (no port-forwarding helper image needed) and the tests reach the test clock provider the
 * same way as on the distribution. Its console goes to vigi.server.dir/server.log.
 */
record ContainerServer(KeycloakContainer container, String baseUrl, boolean hasTestClock) implements KeycloakUnderTest {

    static final String IMAGE = "quay.io/keycloak/keycloak:";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    static ContainerServer start(ServerSettings settings) {
        String version = KeycloakUnderTest.expectedVersion()
                .orElseThrow(() -> new IllegalStateException("-Dvigi.keycloak.version missing (run through Maven: mvn verify)"));
        Path log = freshLog(settings.distribution());
        String baseUrl = "http://localhost:" + settings.httpPort();
        KeycloakContainer container = new KeycloakContainer(IMAGE + version)
                .withAdminUsername(ServerSettings.ADMIN_USER)
                .withAdminPassword(ServerSettings.ADMIN_PASSWORD)
                .withProviderLibsFrom(settings.providerJars().stream().map(Path::toFile).toList())
                .withCopyFileToContainer(MountableFile.forHostPath(settings.realmFile()), "/opt/keycloak/data/import/vigi-realm.json")
                .withNetworkMode("host")
                .withEnv("KC_HTTP_HOST", "127.0.0.1")
                .withEnv("KC_HTTP_PORT", Integer.toString(settings.httpPort()))
                .withEnv("KC_HTTP_MANAGEMENT_PORT", Integer.toString(settings.managementPort()))
                .withEnv("KC_METRICS_ENABLED", "true")
                // a fixed public URL, as in production: links and token issuers never follow the request's Host
                .withEnv("KC_HOSTNAME", baseUrl)
                .withEnv(settings.realmEnv())
                .withLogConsumer(frame -> append(log, frame))
                .waitingFor(new ReadyOnManagementPort(settings.managementPort()).withStartupTimeout(START_TIMEOUT));
        container.setExposedPorts(List.of()); // host network: nothing to publish
        try {
            container.start();
        } catch (ContainerLaunchException e) {
            container.stop();
            throw new IllegalStateException("Keycloak container did not start; see " + log, e);
        }
        ContainerServer server = new ContainerServer(container, baseUrl, settings.withTestSupport());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }

    private static Path freshLog(Path dir) {
        try {
            Path log = DistributionServer.logOf(Files.createDirectories(dir));
            Files.deleteIfExists(log);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path log, OutputFrame frame) {
        try {
            Files.writeString(log, frame.getUtf8String(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        container.stop();
    }

    /** Ready once the management port answers /health/ready on 127.0.0.1 (no mapped ports on the host network). */
    private static final class ReadyOnManagementPort extends AbstractWaitStrategy {
        private final int managementPort;

        ReadyOnManagementPort(int managementPort) {
            this.managementPort = managementPort;
        }

        @Override
        protected void waitUntilReady() {
            try {
                if (!KeycloakProcess.pollReady(waitStrategyTarget::isRunning, managementPort, startupTimeout)) {
                    throw new ContainerLaunchException("Keycloak not ready on management port " + managementPort
                            + " within " + startupTimeout + (waitStrategyTarget.isRunning() ? "" : " (the container exited)"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("interrupted while waiting for Keycloak", e);
            }
        }
    }
}

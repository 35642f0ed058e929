package org.vigi2fa.testing.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A running Keycloak with the VIGI provider and the realm from realm-config/. */
public interface KeycloakUnderTest extends AutoCloseable {

    /** Base URL, e.g. http://localhost:8180 (no trailing slash). */
    String baseUrl();

    /** Whether a test may move the server clock (needs the test-support provider on the server). */
    boolean hasTestClock();

    /** The nodes of a clustered server (-Dvigi.server=cluster); empty for a single server. */
    default Optional<ClusterNodes> cluster() {
        return Optional.empty();
    }

    @Override
    void close();

    /**
     * The Keycloak release this run starts (Maven's -Dkeycloak.version, passed on as vigi.keycloak.version): the
     * distribution Maven unpacks for the dist launcher, the image tag of the testcontainers one. Empty for a remote server.
     */
    static Optional<String> expectedVersion() {
        return "remote".equals(System.getProperty("vigi.server", "dist")) ? Optional.empty()
                : Optional.ofNullable(System.getProperty("vigi.keycloak.version"));
    }

    /**
     * The server's log file, when this run started the server itself (-Dvigi.server=dist, the container's console with
     * -Dvigi.server=testcontainers; with -Dvigi.server=cluster the first node's).
     */
    static Optional<Path> logFile() {
        String dir = System.getProperty("vigi.server.dir");
        String kind = System.getProperty("vigi.server", "dist");
        if (!List.of("dist", "testcontainers", "cluster").contains(kind) || dir == null) {
            return Optional.empty();
        }
        Path log = "cluster".equals(kind) ? ClusterServer.firstNodeLog(Path.of(dir)) : DistributionServer.logOf(Path.of(dir));
        return Files.isRegularFile(log) ? Optional.of(log) : Optional.empty();
    }

    /** Picks the server named by -Dvigi.server: dist (default), testcontainers, cluster, remote. */
    static KeycloakUnderTest start(int smtpPort) {
        String kind = System.getProperty("vigi.server", "dist");
        return switch (kind) {
            case "dist" -> DistributionServer.start(ServerSettings.fromSystemProperties(smtpPort));
            case "testcontainers" -> ContainerServer.start(ServerSettings.fromSystemProperties(smtpPort));
            case "cluster" -> ClusterServer.start(ServerSettings.fromSystemProperties(smtpPort));
            case "remote" -> new RemoteServer(System.getProperty("vigi.server.url", "http://localhost:8080"));
            default -> throw new IllegalArgumentException("Unknown -Dvigi.server=" + kind + " (dist | testcontainers | cluster | remote)");
        };
    }

    /** The product as it ships (no test overrides) on the official distribution: the demo server of -Prun. */
    static KeycloakUnderTest product(int smtpPort) {
        return DistributionServer.start(ServerSettings.fromSystemProperties(smtpPort).withProductDefaults());
    }
}

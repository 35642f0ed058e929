package org.vigi2fa.testing.server;

/** A running Keycloak with the VIGI provider and the realm from realm-config/. */
public interface KeycloakUnderTest extends AutoCloseable {

    /** Base URL, e.g. http://localhost:8180 (no trailing slash). */
    String baseUrl();

    /** Whether a test may move the server clock (needs the test-support provider on the server). */
    boolean hasTestClock();

    /** The server's log file, where the test run can read it. */
    default java.util.Optional<java.nio.file.Path> logFile() {
        return java.util.Optional.empty();
    }

    /** The nodes of a clustered server (-Dvigi.server=cluster); empty for a single server. */
    default java.util.Optional<ClusterNodes> cluster() {
        return java.util.Optional.empty();
    }

    @Override
    void close();

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
}

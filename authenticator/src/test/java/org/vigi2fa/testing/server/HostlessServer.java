package org.vigi2fa.testing.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * A second Keycloak for the tests that need what an operator who forgot {@code --hostname} runs: plain
 * {@code start-dev} from a copy of the same distribution (beside it, so the main server's build and database stay
 * untouched), on the main ports plus {@link #PORT_OFFSET}, mailing the test run's SMTP server.
 */
public record HostlessServer(KeycloakUnderTest server, Keycloak admin, Path home) implements AutoCloseable {

    static final int PORT_OFFSET = 7;

    /** Copies the distribution once, then starts it without a hostname; the realm is the test run's realm file. */
    public static HostlessServer start(int smtpPort) {
        ServerSettings main = ServerSettings.fromSystemProperties(smtpPort);
        Path copy = main.distribution().resolveSibling(main.distribution().getFileName() + "-hostless");
        copyOnce(main.distribution(), copy);
        ServerSettings settings = new ServerSettings(copy, main.realmFile(), main.providerJars(),
                main.httpPort() + PORT_OFFSET, main.managementPort() + PORT_OFFSET, smtpPort, main.realmEnv());
        KeycloakUnderTest server = DistributionServer.startWithoutHostname(settings);
        Keycloak admin = KeycloakBuilder.builder().serverUrl(server.baseUrl()).realm("master").clientId("admin-cli")
                .username(ServerSettings.ADMIN_USER).password(ServerSettings.ADMIN_PASSWORD).build();
        return new HostlessServer(server, admin, copy);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public RealmResource realm(String name) {
        return admin.realm(name);
    }

    /** Its console output (the WARN lines of the start-up audit). */
    public String log() {
        try {
            return Files.readString(DistributionServer.logOf(home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyOnce(Path from, Path to) {
        try {
            KeycloakProcess.copyOnce(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

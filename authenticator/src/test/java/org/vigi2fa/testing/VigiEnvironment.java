package org.vigi2fa.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.vigi2fa.testing.server.KeycloakUnderTest;
import org.vigi2fa.testing.server.ServerSettings;

/**
 * One Keycloak and one SMTP server (GreenMail) for the whole test run, started on first use.
 * Tests get it through {@link VigiTest}; each test makes its own users.
 */
public final class VigiEnvironment implements AutoCloseable {

    public static final String REALM = "vigi";
    public static final String PASSWORD = "Correct-Horse-9";

    private static VigiEnvironment instance;

    private final GreenMail mail;
    private final KeycloakUnderTest server;
    private final Keycloak admin;

    private VigiEnvironment(GreenMail mail, KeycloakUnderTest server) {
        this.mail = mail;
        this.server = server;
        this.admin = KeycloakBuilder.builder().serverUrl(server.baseUrl()).realm("master").clientId("admin-cli")
                .username(ServerSettings.ADMIN_USER).password(ServerSettings.ADMIN_PASSWORD).build();
    }

    static synchronized VigiEnvironment get() {
        if (instance == null) {
            int smtpPort = Integer.getInteger("vigi.smtp.port", 3125);
            GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "0.0.0.0", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            instance = new VigiEnvironment(mail, KeycloakUnderTest.start(smtpPort));
        }
        return instance;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** e.g. http://localhost:8180/realms/vigi */
    public String realmUrl() {
        return server.baseUrl() + "/realms/" + REALM;
    }

    public Keycloak admin() {
        return admin;
    }

    public RealmResource realm() {
        return admin.realm(REALM);
    }

    public GreenMail mail() {
        return mail;
    }

    /** A fresh enabled user with an email address and {@link #PASSWORD}; unique per call. */
    public TestUser newUser(String prefix) {
        String username = prefix.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.test");
        user.setFirstName("Test");
        user.setLastName(prefix);
        user.setEnabled(true);
        user.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (var response = realm().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Creating user failed: HTTP " + response.getStatus());
            }
            String path = response.getLocation().getPath();
            return new TestUser(path.substring(path.lastIndexOf('/') + 1), username, user.getEmail(), PASSWORD);
        }
    }

    /** Whether {@link #moveClock(int)} works on this server. */
    public boolean canMoveClock() {
        return server.hasTestClock();
    }

    /** Moves Keycloak's clock by the given seconds from real time (0 restores it). */
    public void moveClock(int offsetSeconds) {
        if (!server.hasTestClock()) {
            throw new IllegalStateException("This server has no test clock (-Dvigi.server=remote)");
        }
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(realmUrl() + "/vigi-test-clock/offset/" + offsetSeconds))
                            .PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("Moving the clock failed: HTTP " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
        server.close();
        mail.stop();
    }
}

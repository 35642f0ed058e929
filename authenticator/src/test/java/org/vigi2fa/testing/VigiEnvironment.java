package org.vigi2fa.testing;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Inbox;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.server.ClusterNodes;
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
    private final TestProviderCalls testProvider;

    private VigiEnvironment(GreenMail mail, KeycloakUnderTest server) {
        this.mail = mail;
        this.server = server;
        this.admin = adminClient(server.baseUrl());
        this.testProvider = new TestProviderCalls(server.hasTestClock());
    }

    static synchronized VigiEnvironment get() {
        if (instance == null) {
            int smtpPort = Integer.getInteger("vigi.smtp.port", 3125);
            GreenMail mail = startMail(smtpPort);
            instance = new VigiEnvironment(mail, KeycloakUnderTest.start(smtpPort));
        }
        return instance;
    }

    /** An environment of a test's own over a server it started, with an SMTP server on smtpPort; close() stops both. */
    public static VigiEnvironment over(KeycloakUnderTest server, int smtpPort) {
        return new VigiEnvironment(startMail(smtpPort), server);
    }

    private static GreenMail startMail(int smtpPort) {
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "0.0.0.0", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
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

    /**
     * Each Keycloak node's own base URL; one entry for a single server. Node 0 is the one {@link #baseUrl()} names.
     */
    public List<String> nodes() {
        return server.cluster().map(ClusterNodes::urls).orElse(List.of(server.baseUrl()));
    }

    /** The cluster's nodes, to kill, restart and read; empty unless -Dvigi.server=cluster. */
    public java.util.Optional<ClusterNodes> cluster() {
        return server.cluster();
    }

    /** A fresh browser whose requests for the public URL go to this node, as a load balancer without sticky sessions sends them. */
    public WebSession browserOn(int node) {
        return new WebSession(baseUrl()).via(nodes().get(node));
    }

    /** The OAuth endpoints of the realm on this node (back-channel calls straight to it). */
    public OAuth oauthOn(int node) {
        return new OAuth(nodes().get(node) + "/realms/" + REALM);
    }

    /** An admin client of its own that talks to this node only; the caller closes it. */
    public Keycloak adminOn(int node) {
        return adminClient(nodes().get(node));
    }

    private static Keycloak adminClient(String baseUrl) {
        return KeycloakBuilder.builder().serverUrl(baseUrl).realm("master").clientId("admin-cli")
                .username(ServerSettings.ADMIN_USER).password(ServerSettings.ADMIN_PASSWORD).build();
    }

    public RealmResource realm() {
        return admin.realm(REALM);
    }

    public GreenMail mail() {
        return mail;
    }

    /** What the SMTP server received, read per address, once the server has sent the mails it queued. */
    public Inbox inbox() {
        return new Inbox(mail, this::awaitQueuedMails);
    }

    /**
     * Returns once every node has sent (or failed) the security mails it queued after a commit. Without the
     * test-support provider (a remote server) it waits a moment instead.
     */
    public void awaitQueuedMails() {
        testProvider.awaitQueuedMails(nodes());
    }

    /** The URL of another realm of this server, e.g. one a test imported or wired. */
    public String realmUrl(String realm) {
        return server.baseUrl() + "/realms/" + realm;
    }

    /** A fresh enabled user with an email address and {@link #PASSWORD}; unique per call. */
    public TestUser newUser(String prefix) {
        return RealmUsers.create(realm(), prefix, List.of());
    }

    /** {@link #newUser(String)} in another realm. */
    public TestUser newUser(String realm, String prefix) {
        return RealmUsers.create(admin.realm(realm), prefix, List.of());
    }

    /**
     * A fresh user who already has 2FA: an OTP credential under the realm policy, created through the admin API
     * the way a realm import does it. Returns the user and a code generator for the secret.
     */
    public EnrolledUser newUserWithOtp(String prefix) {
        return newUserWithOtp(REALM, prefix);
    }

    /** {@link #newUserWithOtp(String)} in another realm. */
    public EnrolledUser newUserWithOtp(String realm, String prefix) {
        return RealmUsers.createWithOtp(admin.realm(realm), prefix);
    }

    /**
     * Gives an existing user of the test realm an OTP credential through the admin API, as an administrator does;
     * the user's sessions and tokens stay as they are. Returns the code generator.
     */
    public Totp addOtp(String userId) {
        return addOtp(REALM, userId);
    }

    /** {@link #addOtp(String)} in another realm. */
    public Totp addOtp(String realm, String userId) {
        return RealmUsers.addOtp(admin.realm(realm), userId);
    }

    /** The user's stored OTP credentials (admin API). */
    public List<CredentialRepresentation> otpCredentials(String userId) {
        return otpCredentials(REALM, userId);
    }

    /** {@link #otpCredentials(String)} in another realm. */
    public List<CredentialRepresentation> otpCredentials(String realm, String userId) {
        return RealmUsers.otpCredentials(admin.realm(realm), userId);
    }

    /** The server's log, where this run can read it (the distribution's; not a remote server's). */
    public java.util.Optional<java.nio.file.Path> serverLog() {
        return KeycloakUnderTest.logFile();
    }

    /** Whether {@link #moveClock(int)} works on this server. */
    public boolean canMoveClock() {
        return testProvider.installed();
    }

    /** Moves Keycloak's clock by the given seconds from real time (0 restores it), on every node of a cluster. */
    public void moveClock(int offsetSeconds) {
        testProvider.moveClock(nodes(), offsetSeconds, admin);
    }

    @Override
    public void close() {
        admin.close();
        server.close();
        mail.stop();
    }
}

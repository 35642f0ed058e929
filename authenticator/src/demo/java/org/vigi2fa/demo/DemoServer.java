package org.vigi2fa.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * `mvn -Prun verify`: Keycloak from the official distribution with the provider JAR and the VIGI realm,
 * two demo users, and a mail catcher whose inbox is a web page. Runs until Ctrl-C. Product tooling, not a test: its
 * own source root (src/demo/java), compiled with the tests for the server starter it shares, never in the provider JAR.
 */
public final class DemoServer {

    private DemoServer() {
    }

    public static void main(String[] args) throws Exception {
        int smtpPort = Integer.getInteger("vigi.smtp.port", 2525);
        int inboxPort = Integer.getInteger("vigi.inbox.port", 8025);
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        MailInbox inbox = MailInbox.start(mail, inboxPort);
        System.out.println("Starting Keycloak (one to three minutes; the WARN lines about SPIs are expected, see README)...");
        KeycloakUnderTest server = KeycloakUnderTest.product(smtpPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            inbox.close();
            mail.stop();
        }));
        try (Keycloak admin = KeycloakBuilder.builder().serverUrl(server.baseUrl()).realm("master").clientId("admin-cli")
                .username(ServerSettings.ADMIN_USER).password(ServerSettings.ADMIN_PASSWORD).build()) {
            RealmResource realm = admin.realm("vigi");
            demoUser(realm, "alice", "Alice", "alice@vigi.local");
            demoUser(realm, "bob", "Bob", "bob@vigi.local");
        }
        String base = server.baseUrl();
        Map<String, String> links = new LinkedHashMap<>(DemoLinks.server(base));
        links.put("Mail catcher inbox:", inbox.url());
        System.out.println();
        System.out.println("VIGI 2FA is running. Demo users: alice / alice-password-1, bob / bob-password-1");
        links.forEach((what, url) -> System.out.printf("  %-32s %s%s%n", what, url, DemoLinks.answers(url) ? "" : "  (not answering!)"));
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    private static void demoUser(RealmResource realm, String name, String firstName, String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(name);
        user.setFirstName(firstName);
        user.setLastName("Demo");
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(name + "-password-1");
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        realm.users().create(user).close();
    }
}

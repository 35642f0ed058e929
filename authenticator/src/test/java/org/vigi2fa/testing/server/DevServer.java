package org.vigi2fa.testing.server;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * `mvn -Prun verify`: Keycloak from the official distribution with the provider JAR and the VIGI realm,
 * two demo users, and a mail catcher whose inbox is a web page. Runs until Ctrl-C.
 */
public final class DevServer {

    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        int smtpPort = Integer.getInteger("vigi.smtp.port", 2525);
        int inboxPort = Integer.getInteger("vigi.inbox.port", 8025);
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        MailInbox inbox = MailInbox.start(mail, inboxPort);
        System.out.println("Starting Keycloak (about a minute)...");
        KeycloakUnderTest server = DistributionServer.start(ServerSettings.fromSystemProperties(smtpPort));
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
        System.out.println();
        System.out.println("VIGI 2FA is running.");
        System.out.println("  Account settings (turn 2FA on/off): " + base + "/realms/vigi/account");
        System.out.println("  Turn 2FA on directly:               " + base + "/realms/vigi/protocol/openid-connect/auth?client_id=account-console"
                + "&redirect_uri=" + java.net.URLEncoder.encode(base + "/realms/vigi/account/", java.nio.charset.StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid&kc_action=vigi-2fa-enable");
        System.out.println("  Demo users:                         alice / alice-password-1, bob / bob-password-1");
        System.out.println("  Mail catcher inbox:                 http://localhost:" + inboxPort + "/");
        System.out.println("  Admin console:                      " + base + "/admin/  (admin / admin)");
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

package org.vigi2fa.it.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.info.ProviderRepresentation;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Pause;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.mail.MailpitApi;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * docker-compose.yml as deployed (-Dvigi.server=remote; .ci/containers/run brings it up): Keycloak keeps its data in
 * the compose file's PostgreSQL and mails through the compose file's mail catcher, read over its HTTP API
 * (-Dvigi.mail.api.url), never through the test JVM's SMTP server.
 */
@VigiTest
class ComposeIT {

    private static final String JDBC_URL = "jdbc:postgresql://postgres:5432/keycloak";

    @Test
    void keycloakRunsOnThePostgresqlOfTheComposeFile(VigiEnvironment env) {
        // the JPA connection provider's operational info (the provider is named "quarkus" on the Quarkus server)
        Map<String, String> database = env.admin().serverInfo().getInfo().getProviders().get("connectionsJpa")
                .getProviders().values().stream().map(ProviderRepresentation::getOperationalInfo)
                .filter(info -> info != null && info.containsKey("databaseUrl")).findFirst()
                .orElseThrow(() -> new AssertionError("no JPA connection provider reports its database"));
        assertEquals(JDBC_URL, database.get("databaseUrl"), database.toString());
        assertTrue(database.get("databaseProduct").startsWith("PostgreSQL 17"), database.toString());
        assertTrue(database.get("databaseDriver").startsWith("PostgreSQL JDBC Driver"), database.toString());
        assertEquals("keycloak", database.get("databaseUser"), database.toString());
    }

    @Test
    void lostPhoneMailReachesTheMailCatcherAndItsLinkTurns2faOff(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("compose");
        String email = enrolled.user().email();
        MailpitApi catcher = new MailpitApi(System.getProperty("vigi.mail.api.url"));
        WebSession browser = new WebSession(env.baseUrl());

        Flows.assertPage(LostPhoneSupport.requestLink(env, browser, VigiClient.VMS_CLOUD, enrolled), "login-vigi-2fa-lost-sent");
        List<Mail> mails = catcher.to(email);
        assertEquals(1, mails.size(), "one mail in the catcher: " + mails);
        String link = mails.get(0).actionLink().orElseThrow(() -> new AssertionError("no link in " + mails.get(0).text()));
        assertTrue(link.startsWith(env.realmUrl() + "/login-actions/action-token?"), "link on KC_HOSTNAME: " + link);

        Page confirm = browser.get(link);
        Flows.assertPage(confirm, "login-vigi-2fa-lost-confirm");
        Flows.assertPage(browser.submit(confirm.form("#vigi-lost-confirm-form"), Map.of()), "login-vigi-2fa-lost-done");
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty(), "OTP credential removed");
        // the notice leaves after the commit, on Keycloak's mail executor: it may reach the catcher a moment later
        for (int i = 0; i < 100 && catcher.to(email).size() < 2; i++) {
            Pause.millis(100);
        }
        assertEquals(2, catcher.to(email).size(), "the turned-off notice follows the link mail");
        assertTrue(env.inbox().to(email).isEmpty(), "nothing reached the test JVM's SMTP server");
    }
}

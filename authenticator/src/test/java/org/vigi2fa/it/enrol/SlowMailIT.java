package org.vigi2fa.it.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.mail.StallingSmtp;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The security mails leave after the page: with an SMTP server that holds every conversation 5 s, the enrolment's
 * last page and the turn-off page answer before the mail's DATA reaches the server (order of events, not a timing
 * threshold), and the mail still arrives; with an SMTP server that refuses, the page is fine and the failure recorded;
 * the mail, rendered on the executor, speaks the language of the page it left from.
 */
@VigiTest
@DisabledIfSystemProperty(named = "vigi.server", matches = "testcontainers|remote",
        disabledReason = "the test's SMTP relay listens on a port of this machine that only a local Keycloak reaches")
class SlowMailIT {

    private static final Duration STALL = Duration.ofSeconds(5);
    private static final String PAGE_ANSWERED = "page answered";

    @Test
    void enrolmentsLastPageAnswersBeforeTheMailIsSent(VigiEnvironment env) {
        TestUser user = env.newUser("slowon");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page scan = enrolment.toScan();
        try (StallingSmtp smtp = StallingSmtp.stalling(env.mail().getSmtp().getPort(), STALL)) {
            withRealmSmtpAt(env, smtp.port(), () -> {
                Page end = enrolment.codeOfPhone(scan);
                smtp.note(PAGE_ANSWERED);
                enrolment.assertBackAtApp(end, "success");
                env.awaitQueuedMails();
            });
            assertEquals(List.of(PAGE_ANSWERED, StallingSmtp.DATA), smtp.events(), "the page did not wait for SMTP");
        }
        assertEquals(1, env.inbox().to(user.email(), "turned on").size(), "the mail still arrives");
    }

    @Test
    void turnOffPageAnswersBeforeTheMailIsSent(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("slowoff");
        WebSession browser = signedIn(env, enrolled);
        Page page = browser.get(new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-disable").url());
        Flows.assertPage(page, "login-vigi-2fa-disable");
        try (StallingSmtp smtp = StallingSmtp.stalling(env.mail().getSmtp().getPort(), STALL)) {
            withRealmSmtpAt(env, smtp.port(), () -> {
                Page end = browser.submit(page.form("#vigi-disable-form"),
                        Map.of("password", enrolled.user().password(), "otp", enrolled.totp().now(1)));
                smtp.note(PAGE_ANSWERED);
                assertEquals("success", end.redirectParams().get("kc_action_status"), end + " " + end.text());
                env.awaitQueuedMails();
            });
            assertEquals(List.of(PAGE_ANSWERED, StallingSmtp.DATA), smtp.events(), "the page did not wait for SMTP");
        }
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty(), "2FA is off");
        assertEquals(1, env.inbox().to(enrolled.user().email(), "was turned off").size(), "the mail still arrives");
    }

    @Test
    void failingSmtpLeavesThePageFineAndRecordsTheFailure(VigiEnvironment env) {
        TestUser user = env.newUser("failon");
        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page scan = enrolment.toScan();
        try (StallingSmtp smtp = StallingSmtp.refusing()) {
            withRealmSmtpAt(env, smtp.port(), () -> {
                enrolment.assertBackAtApp(enrolment.codeOfPhone(scan), "success");
                env.awaitQueuedMails();
            });
        }
        assertEquals(1, env.otpCredentials(user.id()).size(), "2FA is on");
        assertTrue(env.inbox().to(user.email()).isEmpty(), "no mail");
        List<EventRepresentation> failed = env.realm().getEvents(List.of("CUSTOM_REQUIRED_ACTION_ERROR"), null, user.id(),
                null, null, null, 0, 10);
        assertEquals(1, failed.size(), "the failed mail is recorded: " + failed);
        assertEquals("email_send_failed", failed.get(0).getError());
        assertEquals("vigi-2fa-enabled.ftl", failed.get(0).getDetails().get("vigi_2fa_mail"));
        assertEquals("security_mail", failed.get(0).getDetails().get("vigi_2fa"));
    }

    @Test
    void theMailSentAfterThePageSpeaksThePagesLanguage(VigiEnvironment env) {
        TestUser user = env.newUser("slowde");
        Enrolment enrolment = Enrolment.from(env, user, new WebSession(env.baseUrl()).language("de"), VigiClient.VMS_CLOUD,
                Enrolment.ACTION);
        enrolment.assertBackAtApp(enrolment.enrol(), "success");
        List<Mail> mails = env.inbox().to(user.email());
        assertEquals(1, mails.size(), "one notification mail");
        assertEquals(Enrolment.message("de", "vigi2faEnabledSubject", "VIGI"), mails.get(0).subject(),
                "the browser's language travels with the mail to the executor");
    }

    private static WebSession signedIn(VigiEnvironment env, EnrolledUser enrolled) {
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        WebSession browser = new WebSession(env.baseUrl());
        Page end = Flows.code(browser, Flows.passwordStep(browser, request, enrolled.user()), enrolled.totp().now());
        assertEquals(200, Flows.tokens(oauth, request, end).get("status").asInt(), "signed in");
        return browser;
    }

    /** Runs the steps with the realm's mail going to this port of the same host, and puts the realm's SMTP back. */
    private static void withRealmSmtpAt(VigiEnvironment env, int port, Runnable steps) {
        Map<String, String> original = env.realm().toRepresentation().getSmtpServer();
        Map<String, String> redirected = new HashMap<>(original);
        redirected.put("port", Integer.toString(port));
        setSmtp(env, redirected);
        try {
            steps.run();
        } finally {
            setSmtp(env, original);
        }
    }

    private static void setSmtp(VigiEnvironment env, Map<String, String> smtp) {
        RealmRepresentation change = new RealmRepresentation();
        change.setSmtpServer(smtp);
        env.realm().update(change);
    }
}

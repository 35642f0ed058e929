package org.vigi2fa.it.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The product's meters on Keycloak's {@code /metrics} (management port, {@code --metrics-enabled=true}): each moves by
 * exactly what a journey through the pages does, tagged with the realm and bounded values, and no metric names a user.
 */
@VigiTest
@DisabledIfSystemProperty(named = "vigi.server", matches = "remote",
        disabledReason = "a remote server's management port is not this machine's")
class VigiMetricsIT {

    private static final String REALM = VigiEnvironment.REALM;
    private static final String TURN_OFFS = "vigi_2fa_turn_offs_total";
    private static final String SIGN_INS = "vigi_2fa_sign_ins_total";
    private static final String LOST_PHONE = "vigi_2fa_lost_phone_links_total";
    private static final String MAILS = "vigi_2fa_security_mails_total";

    @Test
    void twoEnrolmentsCountTwoAndTheirMailsTwo(VigiEnvironment env) {
        MetricsScrape before = MetricsScrape.of(env);
        for (TestUser user : List.of(env.newUser("metrics-on-a"), env.newUser("metrics-on-b"))) {
            Page end = MetricsJourneys.enrol(env, user);
            assertEquals("success", end.redirectParams().get("kc_action_status"), end + " " + end.text());
        }
        double mailsBefore = before.value(MAILS, "realm", REALM, "mail", "vigi-2fa-enabled", "outcome", "sent");
        MetricsScrape after = MetricsJourneys.awaitValue(env,
                s -> s.value(MAILS, "realm", REALM, "mail", "vigi-2fa-enabled", "outcome", "sent"), mailsBefore + 2);
        assertEquals(2, delta(before, after, "vigi_2fa_enrolments_total", "realm", REALM));
        assertEquals(2, delta(before, after, MAILS, "realm", REALM, "mail", "vigi-2fa-enabled", "outcome", "sent"));
        assertEquals(0, delta(before, after, MAILS, "realm", REALM, "outcome", "failed"));
    }

    @Test
    void signInsCountByFactorAndWrongCodesByStep(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("metrics-sign-in");
        MetricsScrape before = MetricsScrape.of(env);
        Totp.awayFromPeriodEdge();
        WebSession browser = new WebSession(env.baseUrl());
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        Page codePage = Flows.codePage(browser, request, enrolled.user());
        Page wrong = Flows.code(browser, codePage, enrolled.totp().wrongNow());
        Flows.assertPage(wrong, Flows.CODE_PAGE);
        BruteForce.nextAttempt();
        Flows.tokens(oauth, request, Flows.code(browser, wrong, enrolled.totp().now()));
        // a second browser ticks "Don't ask again on this device"; a new browser session of that device skips the code
        SignedIn trusting = SignedIn.trustingTheDevice(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now(1));
        WebSession sameDevice = new WebSession(env.baseUrl());
        sameDevice.cookies().put(SignedIn.TRUSTED_DEVICE_COOKIE, trusting.browser().cookies().get(SignedIn.TRUSTED_DEVICE_COOKIE));
        OAuth.AuthRequest again = oauth.authRequest(VigiClient.VMS_CLOUD);
        Flows.tokens(oauth, again, Flows.passwordStep(sameDevice, again, enrolled.user()));

        MetricsScrape after = MetricsScrape.of(env);
        assertEquals(2, delta(before, after, SIGN_INS, "realm", REALM, "factor", "code"));
        assertEquals(1, delta(before, after, SIGN_INS, "realm", REALM, "factor", "trusted_device"));
        assertEquals(0, delta(before, after, SIGN_INS, "realm", REALM, "factor", "recovery_code"));
        assertEquals(1, delta(before, after, "vigi_2fa_wrong_codes_total", "realm", REALM, "step", "sign_in"));
        assertEquals(3, delta(before, after, "vigi_2fa_code_step_seconds_count", "realm", REALM), "three code forms answered");
    }

    @Test
    void fiveWrongCodesLockOnceAndCountFive(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("metrics-lock");
        BruteForce lockout = BruteForce.of(env, enrolled.user().id());
        MetricsScrape before = MetricsScrape.of(env);
        WebSession browser = new WebSession(env.baseUrl());
        Page page = Flows.codePage(browser, new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), enrolled.user());
        int offset = 0;
        try {
            for (int i = 0; i < 5; i++) {
                offset += 3; // Keycloak's clock moves on between failures: the quick-login rule is not what locks
                env.moveClock(offset);
                BruteForce.nextAttempt();
                page = Flows.code(browser, page, enrolled.totp().wrongNow());
                Flows.assertPage(page, Flows.CODE_PAGE);
                lockout.awaitFailures(i + 1);
            }
            lockout.awaitLocked();
        } finally {
            env.moveClock(0);
        }
        MetricsScrape after = MetricsJourneys.awaitValue(env,
                s -> s.value("vigi_2fa_lockouts_total", "realm", REALM), before.value("vigi_2fa_lockouts_total", "realm", REALM) + 1);
        assertEquals(1, delta(before, after, "vigi_2fa_lockouts_total", "realm", REALM, "lockout", "temporary"));
        assertEquals(0, delta(before, after, "vigi_2fa_lockouts_total", "realm", REALM, "lockout", "permanent"));
        assertEquals(5, delta(before, after, "vigi_2fa_wrong_codes_total", "realm", REALM, "step", "sign_in"));
    }

    @Test
    void lostPhoneLinksCountSentRefusedConfirmedAndTheTurnOff(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("metrics-lost");
        MetricsScrape before = MetricsScrape.of(env);
        Flows.assertPage(LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled),
                "login-vigi-2fa-lost-sent");
        // again within the per-user cooldown: refused, no second mail (a second apart: the quick-login rule stays out)
        BruteForce.nextAttempt();
        Page refused = LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        Flows.assertPage(refused, Flows.CODE_PAGE);
        BruteForce.nextAttempt();
        WebSession otherDevice = new WebSession(env.baseUrl());
        Page confirm = otherDevice.get(env.inbox().latestActionLink(enrolled.user().email()));
        Flows.assertPage(otherDevice.submit(confirm.form("#vigi-lost-confirm-form"), Map.of("password", enrolled.user().password())),
                "login-vigi-2fa-lost-done");

        MetricsScrape after = MetricsScrape.of(env);
        assertEquals(1, delta(before, after, LOST_PHONE, "realm", REALM, "outcome", "sent"));
        assertEquals(1, delta(before, after, LOST_PHONE, "realm", REALM, "outcome", "refused"));
        assertEquals(1, delta(before, after, LOST_PHONE, "realm", REALM, "outcome", "confirmed"));
        assertEquals(1, delta(before, after, TURN_OFFS, "realm", REALM, "path", "lost_phone"));
        assertEquals(0, delta(before, after, TURN_OFFS, "realm", REALM, "path", "settings"));
    }

    @Test
    void turnOffsCountByPathAndAFailedMailCountsOnce(VigiEnvironment env) {
        EnrolledUser own = env.newUserWithOtp("metrics-off");
        EnrolledUser helped = env.newUserWithOtp("metrics-admin-off");
        MetricsScrape before = MetricsScrape.of(env);
        SignedIn signedIn = SignedIn.withCode(env, own, VigiClient.VMS_CLOUD);
        Page page = signedIn.startAction("vigi-2fa-disable");
        Page end = signedIn.browser().submit(page.form("#vigi-disable-form"),
                Map.of("password", own.user().password(), "otp", own.totp().now(1)));
        assertTrue(end.isRedirect(), end.text());
        env.awaitQueuedMails();
        String port = LostPhoneSupport.breakSmtp(env);
        try {
            String credentialId = env.otpCredentials(helped.user().id()).get(0).getId();
            env.realm().users().get(helped.user().id()).removeCredential(credentialId);
            MetricsJourneys.awaitValue(env, s -> s.value(MAILS, "realm", REALM, "outcome", "failed"),
                    before.value(MAILS, "realm", REALM, "outcome", "failed") + 1);
        } finally {
            LostPhoneSupport.restoreSmtp(env, port);
        }
        MetricsScrape after = MetricsScrape.of(env);
        assertEquals(1, delta(before, after, TURN_OFFS, "realm", REALM, "path", "settings"));
        assertEquals(1, delta(before, after, TURN_OFFS, "realm", REALM, "path", "admin"));
        assertEquals(0, delta(before, after, TURN_OFFS, "realm", REALM, "path", "lost_phone"));
        assertEquals(1, delta(before, after, MAILS, "realm", REALM, "outcome", "failed"));
        assertEquals(1, delta(before, after, MAILS, "realm", REALM, "mail", "vigi-2fa-disabled", "outcome", "sent"));
    }

    @Test
    void aConfirmedReportCountsOnce(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("metrics-report");
        SignedIn.trustingTheDevice(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now());
        env.awaitQueuedMails();
        List<Mail> mails = env.inbox().to(enrolled.user().email(), "skips the 2FA code");
        String link = mails.get(mails.size() - 1).reportLink().orElseThrow();
        MetricsScrape before = MetricsScrape.of(env);
        Page confirm = new WebSession(env.baseUrl()).get(link);
        Flows.assertPage(confirm, "login-vigi-2fa-report-confirm");
        Flows.assertPage(new WebSession(env.baseUrl()).submit(confirm.form("#vigi-report-confirm-form"), Map.of()),
                "login-vigi-2fa-report-done");
        assertEquals(1, delta(before, MetricsScrape.of(env), "vigi_2fa_not_me_reports_total", "realm", REALM));
    }

    @Test
    void noMetricNamesAUserAnAddressOrAnIpAddress(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("metrics-private");
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = Flows.codePage(browser, new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), enrolled.user());
        Flows.code(browser, codePage, enrolled.totp().wrongNow());
        SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        MetricsScrape scrape = MetricsScrape.of(env);
        List<String> product = scrape.productLines();
        assertTrue(product.stream().anyMatch(line -> line.startsWith(SIGN_INS)), "the product's series are there: " + product);
        for (String personal : List.of(enrolled.user().username(), enrolled.user().email(), enrolled.user().id())) {
            assertFalse(scrape.text().contains(personal), personal + " appears in /metrics");
        }
        List<String> addresses = product.stream().filter(line -> line.matches(".*\\d+\\.\\d+\\.\\d+\\.\\d+.*|.*::1.*")).toList();
        assertEquals(List.of(), addresses, "no IP address in the product's series");
    }

    private static double delta(MetricsScrape before, MetricsScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}

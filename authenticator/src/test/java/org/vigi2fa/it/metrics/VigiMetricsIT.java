package org.vigi2fa.it.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;

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
    private static final String WRONG_CODES = "vigi_2fa_wrong_codes_total";
    private static final String LOCKOUTS = "vigi_2fa_lockouts_total";
    private static final String LOST_PHONE = "vigi_2fa_lost_phone_links_total";
    private static final String MAILS = "vigi_2fa_security_mails_total";

    @Test
    void twoEnrolmentsCountTwoAndTheirMailsTwo(VigiEnvironment env) {
        MetricsScrape before = MetricsScrape.of(env);
        MetricsJourneys.enrol(env, env.newUser("metrics-on-a"));
        MetricsJourneys.enrol(env, env.newUser("metrics-on-b"));
        String[] enabledSent = {"realm", REALM, "mail", "vigi-2fa-enabled", "outcome", "sent"};
        MetricsScrape after = MetricsJourneys.awaitValue(env, s -> s.value(MAILS, enabledSent), before.value(MAILS, enabledSent) + 2);
        assertEquals(2, delta(before, after, "vigi_2fa_enrolments_total", "realm", REALM));
        assertEquals(2, delta(before, after, MAILS, enabledSent));
        assertEquals(0, delta(before, after, MAILS, "realm", REALM, "outcome", "failed"));
    }

    @Test
    void signInsCountByFactorAndWrongCodesByStep(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("metrics-sign-in");
        MetricsScrape before = MetricsScrape.of(env);
        MetricsJourneys.wrongThenRightCode(env, enrolled);
        MetricsJourneys.signInOnATrustedDevice(env, enrolled);
        MetricsScrape after = MetricsScrape.of(env);
        assertEquals(2, delta(before, after, SIGN_INS, "realm", REALM, "factor", "code"), "the right code, and the code that trusted the device");
        assertEquals(1, delta(before, after, SIGN_INS, "realm", REALM, "factor", "trusted_device"));
        assertEquals(0, delta(before, after, SIGN_INS, "realm", REALM, "factor", "recovery_code"));
        assertEquals(1, delta(before, after, WRONG_CODES, "realm", REALM, "step", "sign_in"));
        assertEquals(3, delta(before, after, "vigi_2fa_code_step_seconds_count", "realm", REALM), "three code forms answered");
    }

    @Test
    void fiveWrongCodesLockOnceAndCountFive(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("metrics-lock");
        MetricsScrape before = MetricsScrape.of(env);
        MetricsJourneys.lockOut(env, enrolled);
        MetricsScrape after = MetricsJourneys.awaitValue(env, s -> s.value(LOCKOUTS, "realm", REALM), before.value(LOCKOUTS, "realm", REALM) + 1);
        assertEquals(1, delta(before, after, LOCKOUTS, "realm", REALM, "lockout", "temporary"));
        assertEquals(0, delta(before, after, LOCKOUTS, "realm", REALM, "lockout", "permanent"));
        assertEquals(5, delta(before, after, WRONG_CODES, "realm", REALM, "step", "sign_in"));
    }

    @Test
    void lostPhoneLinksCountSentRefusedConfirmedAndTheTurnOff(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("metrics-lost");
        MetricsScrape before = MetricsScrape.of(env);
        MetricsJourneys.lostPhoneSentRefusedConfirmed(env, enrolled);
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
        MetricsJourneys.turnOffInSettings(env, own);
        MetricsJourneys.turnOffByAdministratorWhileMailFails(env, helped);
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
        MetricsScrape before = MetricsScrape.of(env);
        MetricsJourneys.reportTheTrustedDevice(env, enrolled);
        assertEquals(1, delta(before, MetricsScrape.of(env), "vigi_2fa_not_me_reports_total", "realm", REALM));
    }

    @Test
    void noMetricNamesAUserAnAddressOrAnIpAddress(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("metrics-private");
        MetricsJourneys.wrongThenRightCode(env, enrolled);
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

package org.vigi2fa.it.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Pause;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The journeys the metrics tests drive through the pages (each asserts it went where it should), and a wait for a
 * count that moves after the page (mails, the brute-force protector).
 */
final class MetricsJourneys {

    private MetricsJourneys() {
    }

    /** Turns 2FA on through the product's pages (confirm, password, scan with the shown key); asserts the redirect. */
    static void enrol(VigiEnvironment env, TestUser user) {
        WebSession browser = new WebSession(env.baseUrl());
        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-enable");
        Page confirm = Flows.passwordStep(browser, request, user);
        Flows.assertPage(confirm, "login-vigi-2fa-enable-confirm");
        Page password = browser.submit(confirm.form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
        Page scan = browser.submit(password.form("#vigi-password-form"), Map.of("password", user.password()));
        Flows.assertPage(scan, "login-vigi-2fa-enable-scan");
        String key = scan.document().selectFirst("#vigi-secret").text().replace(" ", "");
        Page end = browser.submit(scan.form("#vigi-scan-form"), Map.of("otp", Totp.ofBase32(key).now()));
        assertEquals("success", end.redirectParams().get("kc_action_status"), end + " " + end.text());
    }

    /** A wrong code, then the right one, on one code page: signed in. */
    static void wrongThenRightCode(VigiEnvironment env, EnrolledUser enrolled) {
        Totp.awayFromPeriodEdge();
        WebSession browser = new WebSession(env.baseUrl());
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        Page wrong = Flows.code(browser, Flows.codePage(browser, request, enrolled.user()), enrolled.totp().wrongNow());
        Flows.assertPage(wrong, Flows.CODE_PAGE);
        BruteForce.nextAttempt();
        Flows.tokens(oauth, request, Flows.code(browser, wrong, enrolled.totp().now()));
    }

    /** Ticks "Don't ask again on this device" (a code sign-in), then a new browser session of that device skips the code. */
    static void signInOnATrustedDevice(VigiEnvironment env, EnrolledUser enrolled) {
        SignedIn trusting = SignedIn.trustingTheDevice(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now(1));
        WebSession sameDevice = new WebSession(env.baseUrl());
        sameDevice.cookies().put(SignedIn.TRUSTED_DEVICE_COOKIE, trusting.browser().cookies().get(SignedIn.TRUSTED_DEVICE_COOKIE));
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        Flows.tokens(oauth, request, Flows.passwordStep(sameDevice, request, enrolled.user()));
    }

    /** Five wrong codes, Keycloak's clock 3 s on between them (the quick-login rule is not what locks): locked. */
    static void lockOut(VigiEnvironment env, EnrolledUser enrolled) {
        BruteForce lockout = BruteForce.of(env, enrolled.user().id());
        WebSession browser = new WebSession(env.baseUrl());
        Page page = Flows.codePage(browser, new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), enrolled.user());
        try {
            for (int i = 0; i < 5; i++) {
                env.moveClock(3 * (i + 1));
                BruteForce.nextAttempt();
                page = Flows.code(browser, page, enrolled.totp().wrongNow());
                Flows.assertPage(page, Flows.CODE_PAGE);
                lockout.awaitFailures(i + 1);
            }
            lockout.awaitLocked();
        } finally {
            env.moveClock(0);
        }
    }

    /** Asks for the lost-phone link (mailed), again within the cooldown (refused), then confirms the link: 2FA off. */
    static void lostPhoneSentRefusedConfirmed(VigiEnvironment env, EnrolledUser enrolled) {
        Flows.assertPage(LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled),
                "login-vigi-2fa-lost-sent");
        BruteForce.nextAttempt(); // a second apart: the quick-login rule stays out
        Flows.assertPage(LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled),
                Flows.CODE_PAGE);
        BruteForce.nextAttempt();
        WebSession otherDevice = new WebSession(env.baseUrl());
        Page confirm = otherDevice.get(env.inbox().latestActionLink(enrolled.user().email()));
        Flows.assertPage(otherDevice.submit(confirm.form("#vigi-lost-confirm-form"), Map.of("password", enrolled.user().password())),
                "login-vigi-2fa-lost-done");
    }

    /** The user turns 2FA off on the settings page; its mail is sent before this returns. */
    static void turnOffInSettings(VigiEnvironment env, EnrolledUser enrolled) {
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        Page page = signedIn.startAction("vigi-2fa-disable");
        Page end = signedIn.browser().submit(page.form("#vigi-disable-form"),
                Map.of("password", enrolled.user().password(), "otp", enrolled.totp().now(1)));
        assertTrue(end.isRedirect(), end.text());
        env.awaitQueuedMails();
    }

    /**
     * An administrator removes the user's authenticator while the realm's SMTP port is closed: its mail fails. The user
     * signed in with the code first, as one who calls the help desk has: on Keycloak 26.4 and 26.5 that use is how the
     * removed credential is recognised as the authenticator (their admin events name no type).
     */
    static void turnOffByAdministratorWhileMailFails(VigiEnvironment env, EnrolledUser enrolled) {
        SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        ToDoubleFunction<MetricsScrape> failed = s -> s.value("vigi_2fa_security_mails_total", "outcome", "failed");
        double before = failed.applyAsDouble(MetricsScrape.of(env));
        String port = LostPhoneSupport.breakSmtp(env);
        try {
            env.realm().users().get(enrolled.user().id()).removeCredential(env.otpCredentials(enrolled.user().id()).get(0).getId());
            awaitValue(env, failed, before + 1);
        } finally {
            LostPhoneSupport.restoreSmtp(env, port);
        }
    }

    /** Trusts a device (whose mail has the "This wasn't me" link), then confirms the report from another browser. */
    static void reportTheTrustedDevice(VigiEnvironment env, EnrolledUser enrolled) {
        SignedIn.trustingTheDevice(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now());
        env.awaitQueuedMails();
        List<Mail> mails = env.inbox().to(enrolled.user().email(), "skips the 2FA code");
        Page confirm = new WebSession(env.baseUrl()).get(mails.get(mails.size() - 1).reportLink().orElseThrow());
        Flows.assertPage(confirm, "login-vigi-2fa-report-confirm");
        Flows.assertPage(new WebSession(env.baseUrl()).submit(confirm.form("#vigi-report-confirm-form"), Map.of()),
                "login-vigi-2fa-report-done");
    }

    /** Waits (up to 30 s) until the value read from a fresh scrape reaches {@code atLeast}; returns that scrape. */
    static MetricsScrape awaitValue(VigiEnvironment env, ToDoubleFunction<MetricsScrape> value, double atLeast) {
        MetricsScrape[] last = {MetricsScrape.of(env)};
        assertTrue(Pause.until(() -> value.applyAsDouble(last[0] = MetricsScrape.of(env)) >= atLeast, 30),
                "the count never reached " + atLeast);
        return last[0];
    }
}

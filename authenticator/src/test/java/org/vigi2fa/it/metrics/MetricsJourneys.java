package org.vigi2fa.it.metrics;

import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Pause;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** The journeys the metrics tests drive through the pages, and a wait for a count that moves after the page (mails). */
final class MetricsJourneys {

    private MetricsJourneys() {
    }

    /** Turns 2FA on through the product's pages (confirm, password, scan with the shown key); returns the redirect. */
    static Page enrol(VigiEnvironment env, TestUser user) {
        WebSession browser = new WebSession(env.baseUrl());
        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-enable");
        Page confirm = Flows.passwordStep(browser, request, user);
        Flows.assertPage(confirm, "login-vigi-2fa-enable-confirm");
        Page password = browser.submit(confirm.form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
        Page scan = browser.submit(password.form("#vigi-password-form"), Map.of("password", user.password()));
        Flows.assertPage(scan, "login-vigi-2fa-enable-scan");
        String key = scan.document().selectFirst("#vigi-secret").text().replace(" ", "");
        return browser.submit(scan.form("#vigi-scan-form"), Map.of("otp", Totp.ofBase32(key).now()));
    }

    /** Waits (up to 30 s) until the value read from a fresh scrape reaches {@code atLeast}; returns the last scrape. */
    static MetricsScrape awaitValue(VigiEnvironment env, ToDoubleFunction<MetricsScrape> value, double atLeast) {
        MetricsScrape[] last = {MetricsScrape.of(env)};
        Pause.until(() -> value.applyAsDouble(last[0] = MetricsScrape.of(env)) >= atLeast, 30);
        return last[0];
    }
}

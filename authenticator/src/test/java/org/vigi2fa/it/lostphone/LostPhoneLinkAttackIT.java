package org.vigi2fa.it.lostphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.lostphone.LostPhoneSupport.requestLink;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Parallel;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/** Tries to break the emailed link: parallel confirms, expiry, tampering, other realm/user, re-enrolment, reuse. */
@VigiTest
class LostPhoneLinkAttackIT {

    private static final String USED = "already used";

    @Test
    void tenParallelConfirmsOfOneBrowserRemoveOnceAndAllShowDone(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("parallel");
        WebSession original = new WebSession(env.baseUrl());
        requestLink(env, original, VigiClient.VMS_CLOUD, enrolled);
        Page confirm = original.get(env.inbox().latestActionLink(enrolled.user().email()));
        Flows.assertPage(confirm, "login-vigi-2fa-lost-confirm");

        // Ten tabs of the browser the link was requested from (no password needed), all confirming at once.
        List<Page> answers = confirmInParallel(10, () -> {
            WebSession tab = original.tab();
            return () -> tab.submit(confirm.form("#vigi-lost-confirm-form"), Map.of());
        });
        // One confirm acts; the browser that confirmed sees the done page in every tab, never "already used".
        for (Page page : answers) {
            Flows.assertPage(page, "login-vigi-2fa-lost-done");
        }
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty());
        assertEquals(1, LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL").size(), "one removal event");
        assertEquals(1, env.inbox().to(enrolled.user().email(), LostPhoneIT.OFF_SUBJECT).size(), "one notification");
    }

    @Test
    void parallelConfirmsFromOtherDevicesRemoveExactlyOnce(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("parallelpw");
        requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        String link = env.inbox().latestActionLink(enrolled.user().email());

        // ten devices, each confirming on the page it opened itself
        List<Page> answers = confirmInParallel(10, () -> {
            WebSession device = new WebSession(env.baseUrl());
            Page confirm = device.get(link);
            Flows.assertPage(confirm, "login-vigi-2fa-lost-confirm");
            return () -> device.submit(confirm.form("#vigi-lost-confirm-form"), Map.of("password", enrolled.user().password()));
        });
        assertEquals(1, answers.stream().filter(p -> "login-vigi-2fa-lost-done".equals(p.pageId())).count(), "exactly one confirm wins");
        for (Page page : answers) {
            if (!"login-vigi-2fa-lost-done".equals(page.pageId())) {
                // Keycloak's brute-force protector refuses concurrent password checks of one user; either refusal is clear.
                assertTrue(page.text().contains(USED) || page.text().contains("Too many failed attempts"), page + " " + page.text());
            }
        }
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty());
        assertEquals(1, LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL").size(), "one removal event");
    }

    /** Prepares n confirms (each a browser and the page it submits), then sends them all at the same moment. */
    private static List<Page> confirmInParallel(int n, Callable<Callable<Page>> prepare) throws Exception {
        List<Callable<Page>> confirms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            confirms.add(prepare.call());
        }
        return Parallel.atOnce(confirms);
    }

    @Test
    void usedLinkIsDeadAndSoIsASecondLinkIssuedBefore(VigiEnvironment env) {
        Map<String, String> previous = VigiSettings.change(env, Map.of("requestCooldownSeconds", "0"));
        try {
            EnrolledUser enrolled = env.newUserWithOtp("reuse");
            WebSession first = new WebSession(env.baseUrl());
            requestLink(env, first, VigiClient.VMS_CLOUD, enrolled);
            requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
            List<String> links = env.inbox().actionLinks(enrolled.user().email());
            assertEquals(2, links.size());
            assertNotEquals(links.get(0), links.get(1));

            // Confirmed in the browser it was requested from: two requests close together may have locked the
            // password (brute force quick-login check), and this path needs none.
            Page confirm = first.get(links.get(0));
            Flows.assertPage(first.submit(confirm.form("#vigi-lost-confirm-form"), Map.of()), "login-vigi-2fa-lost-done");

            Page reused = new WebSession(env.baseUrl()).get(links.get(0));
            assertEquals(400, reused.status(), reused.toString());
            assertTrue(reused.text().contains(USED), reused.text());

            Page second = new WebSession(env.baseUrl()).get(links.get(1));
            assertEquals(400, second.status(), second.toString());
            assertTrue(second.text().contains("no longer valid"), second.text());
        } finally {
            VigiSettings.restore(env, previous);
        }
    }

    @Test
    void expiredLinkChangesNothing(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("expired");
        requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        String link = env.inbox().latestActionLink(enrolled.user().email());
        WebSession browser = new WebSession(env.baseUrl());
        Page confirm = browser.get(link);
        Flows.assertPage(confirm, "login-vigi-2fa-lost-confirm");
        try {
            env.moveClock(601);
            Page late = browser.submit(confirm.form("#vigi-lost-confirm-form"), Map.of("password", enrolled.user().password()));
            assertNotEquals("login-vigi-2fa-lost-done", late.pageId());
            assertTrue(late.status() < 500, late.toString());
            Page lateGet = new WebSession(env.baseUrl()).get(link);
            assertEquals(400, lateGet.status(), lateGet.toString());
            assertTrue(lateGet.text().toLowerCase().contains("expired"), lateGet.text());
        } finally {
            env.moveClock(0);
        }
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "expired link removed nothing");
    }

    @Test
    void tamperedLinksAreRefused(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("tamper");
        EnrolledUser victim = env.newUserWithOtp("victim");
        requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        String link = env.inbox().latestActionLink(enrolled.user().email());
        String token = param(link, "key");
        String[] parts = token.split("\\.");

        // Signature changed.
        String badSignature = parts[0] + "." + parts[1] + "." + flip(parts[2]);
        assertRefused(env, withKey(link, badSignature));

        // Payload changed to another user (and another credential id) with the old signature.
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(enrolled.user().id(), victim.user().id())
                .replace(env.otpCredentials(enrolled.user().id()).get(0).getId(), env.otpCredentials(victim.user().id()).get(0).getId());
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused(env, withKey(link, forged));

        // Another realm: the token's issuer is realm vigi.
        assertRefused(env, link.replace("/realms/vigi/", "/realms/master/"));

        // Junk.
        assertRefused(env, withKey(link, "not-a-token"));

        assertEquals(1, env.otpCredentials(enrolled.user().id()).size());
        assertEquals(1, env.otpCredentials(victim.user().id()).size());
        // The genuine link still works: tampering did not burn it.
        WebSession browser = new WebSession(env.baseUrl());
        Page confirm = browser.get(link);
        Flows.assertPage(confirm, "login-vigi-2fa-lost-confirm");
    }

    @Test
    void reEnrolmentKillsTheLink(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("reenrol");
        requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        String link = env.inbox().latestActionLink(enrolled.user().email());
        String oldCredential = env.otpCredentials(enrolled.user().id()).get(0).getId();

        LostPhoneSupport.reEnrol(env, enrolled);
        String newCredential = env.otpCredentials(enrolled.user().id()).get(0).getId();
        assertNotEquals(oldCredential, newCredential);

        Page page = new WebSession(env.baseUrl()).get(link);
        assertEquals(400, page.status(), page.toString());
        assertTrue(page.text().contains("no longer valid"), page.text());
        assertEquals(List.of(newCredential), env.otpCredentials(enrolled.user().id()).stream().map(c -> c.getId()).toList(),
                "the new phone stays enrolled");
    }

    private static void assertRefused(VigiEnvironment env, String url) {
        WebSession browser = new WebSession(env.baseUrl());
        Page page = browser.get(url);
        assertTrue(page.status() >= 400 && page.status() < 500, "refused with 4xx: " + page + " " + page.text());
        assertFalse("login-vigi-2fa-lost-confirm".equals(page.pageId()), "no confirm page for " + url);
    }

    private static String param(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No " + name + " in " + url);
    }

    private static String withKey(String url, String key) {
        String old = URLEncoder.encode(param(url, "key"), StandardCharsets.UTF_8);
        String raw = url.contains("key=" + param(url, "key")) ? "key=" + param(url, "key") : "key=" + old;
        return url.replace(raw, "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    private static String flip(String signature) {
        char last = signature.charAt(signature.length() / 2);
        char replacement = last == 'A' ? 'B' : 'A';
        return signature.substring(0, signature.length() / 2) + replacement + signature.substring(signature.length() / 2 + 1);
    }
}

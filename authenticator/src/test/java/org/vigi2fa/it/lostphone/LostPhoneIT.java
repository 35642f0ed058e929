package org.vigi2fa.it.lostphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.lostphone.LostPhoneSupport.requestLink;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** The lost-phone link end to end: it is mailed, a GET changes nothing, the confirm POST turns 2FA off. */
@VigiTest
class LostPhoneIT {

    static final String LINK_SUBJECT = "Turn off two-factor authentication";
    static final String OFF_SUBJECT = "was turned off";

    @Test
    void linkTurns2faOffInTheSameBrowserAndThePasswordAloneSignsIn(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("lost");
        String email = enrolled.user().email();
        WebSession browser = new WebSession(env.baseUrl());

        Page sent = requestLink(env, browser, VigiClient.VMS_CLOUD, enrolled);
        Flows.assertPage(sent, "login-vigi-2fa-lost-sent");
        String masked = sent.document().selectFirst("#vigi-masked-email").text();
        assertFalse(masked.contains(enrolled.user().username()), "address shown in full: " + masked);
        assertTrue(masked.contains("***") && masked.endsWith(".test"), masked);

        List<Mail> linkMails = env.inbox().to(email, LINK_SUBJECT);
        assertEquals(1, linkMails.size());
        assertFalse(linkMails.get(0).html().isEmpty(), "html part");
        assertTrue(linkMails.get(0).html().contains("action-token"), "html part carries the link");
        assertTrue(linkMails.get(0).reportLink().isPresent(), "\"This wasn't me\" link too");
        String link = env.inbox().latestActionLink(email);

        Page confirm = browser.get(link);
        Flows.assertPage(confirm, "login-vigi-2fa-lost-confirm");
        assertNull(confirm.document().selectFirst("#password"), "the original login needs no password");
        assertEquals("post", confirm.form("#vigi-lost-confirm-form").attr("method").toLowerCase());
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "opening the link changes nothing");

        Page done = browser.submit(confirm.form("#vigi-lost-confirm-form"), Map.of());
        Flows.assertPage(done, "login-vigi-2fa-lost-done");
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty(), "OTP credential removed");
        assertEquals(1, env.inbox().to(email, OFF_SUBJECT).size(), "turned-off notification");
        assertTrue(env.inbox().to(email, OFF_SUBJECT).get(0).reportLink().isPresent(), "\"This wasn't me\" link");

        List<EventRepresentation> removed = LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL");
        assertEquals(1, removed.size(), "one REMOVE_CREDENTIAL event");
        assertEquals("otp", removed.get(0).getDetails().get("credential_type"));
        assertEquals("lost-phone-confirm", removed.get(0).getDetails().get("vigi_2fa"));
        assertEquals(1, LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_TOTP").size(), "deprecated twin event");
        assertTrue(LostPhoneSupport.events(env, enrolled.user().id(), "CUSTOM_REQUIRED_ACTION").stream()
                .anyMatch(e -> "lost-phone-link".equals(e.getDetails().get("vigi_2fa"))), "link-sent event");

        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest again = oauth.authRequest(VigiClient.VMS_CLOUD);
        Grants.issued(Flows.signInWithPassword(oauth, new WebSession(env.baseUrl()), again, enrolled.user()), "password alone signs in");
    }

    @Test
    void wholePathFromTheAppWithTheLinkOpenedOnAnotherDevice(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("lostapp");
        Page sent = requestLink(env, new WebSession(env.baseUrl()), VigiClient.VIGI_APP, enrolled);
        Flows.assertPage(sent, "login-vigi-2fa-lost-sent");

        WebSession otherDevice = new WebSession(env.baseUrl());
        Page confirm = otherDevice.get(env.inbox().latestActionLink(enrolled.user().email()));
        Flows.assertPage(confirm, "login-vigi-2fa-lost-confirm");
        assertNotNull(confirm.document().selectFirst("#password"), "another browser must type the password");
        assertNotNull(confirm.document().selectFirst("label[for=password]"));

        Page wrong;
        try {
            // The request itself counted as a failure a moment ago; a human takes longer than the realm's
            // quick-login check (1 s) to type a password, so move the clock rather than trip it.
            env.moveClock(5);
            wrong = otherDevice.submit(confirm.form("#vigi-lost-confirm-form"), Map.of("password", "not-the-password"));
        } finally {
            env.moveClock(0);
        }
        Flows.assertPage(wrong, "login-vigi-2fa-lost-confirm");
        assertTrue(wrong.text().contains("That password is not correct"), wrong.text());
        assertFalse(wrong.document().select("#input-error-password[role=alert]").isEmpty(), "field error announced");
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "wrong password changes nothing");

        Page done = otherDevice.submit(wrong.form("#vigi-lost-confirm-form"), Map.of("password", enrolled.user().password()));
        Flows.assertPage(done, "login-vigi-2fa-lost-done");
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty());

        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest again = oauth.authRequest(VigiClient.VIGI_APP);
        Grants.issued(Flows.signInWithPassword(oauth, new WebSession(env.baseUrl()), again, enrolled.user()));
    }

    @Test
    void getOnlyVisitsChangeNothingAndTheLinkStillWorksAfterwards(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("lostget");
        requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        String link = env.inbox().latestActionLink(enrolled.user().email());

        for (int i = 0; i < 3; i++) {
            // A mail scanner: a fresh client that only fetches the link.
            Page scanned = new WebSession(env.baseUrl()).get(link);
            Flows.assertPage(scanned, "login-vigi-2fa-lost-confirm");
        }
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "GETs disable nothing");
        assertTrue(env.inbox().to(enrolled.user().email(), OFF_SUBJECT).isEmpty());

        WebSession user = new WebSession(env.baseUrl());
        Page confirm = user.get(link);
        Page done = user.submit(confirm.form("#vigi-lost-confirm-form"), Map.of("password", enrolled.user().password()));
        Flows.assertPage(done, "login-vigi-2fa-lost-done");
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty());
    }

    @Test
    void passwordOnTheOtherDeviceIsNotAskedWhenTurnedOffInSettings(VigiEnvironment env) {
        Map<String, String> previous = VigiSettings.change(env, Map.of("passwordWhenOpenedElsewhere", "false"));
        try {
            EnrolledUser enrolled = env.newUserWithOtp("lostnopw");
            requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
            WebSession otherDevice = new WebSession(env.baseUrl());
            Page confirm = otherDevice.get(env.inbox().latestActionLink(enrolled.user().email()));
            Flows.assertPage(confirm, "login-vigi-2fa-lost-confirm");
            assertNull(confirm.document().selectFirst("#password"));
            Flows.assertPage(otherDevice.submit(confirm.form("#vigi-lost-confirm-form"), Map.of()), "login-vigi-2fa-lost-done");
            assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty());
        } finally {
            VigiSettings.restore(env, previous);
        }
    }

    static Page confirmPage(VigiEnvironment env, String link) {
        return new WebSession(env.baseUrl()).get(link);
    }
}

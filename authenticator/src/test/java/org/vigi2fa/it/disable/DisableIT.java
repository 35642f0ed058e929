package org.vigi2fa.it.disable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.UnusedCodes;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Turning 2FA off from settings: kc_action vigi-2fa-disable asks for password and current code, then turns 2FA off; cancel changes nothing. */
@VigiTest
class DisableIT {

    @Test
    void passwordAndCurrentCodeTurn2faOff(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("disable");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);

        Page page = signedIn.startAction("vigi-2fa-disable");
        Flows.assertPage(page, "login-vigi-2fa-disable");
        assertNotNull(page.document().selectFirst("label[for=password]"));
        assertNotNull(page.document().selectFirst("label[for=otp]"));

        Page wrongPassword = signedIn.browser().submit(page.form("#vigi-disable-form"),
                Map.of("password", "not-the-password", "otp", enrolled.totp().now(1)));
        Flows.assertPage(wrongPassword, "login-vigi-2fa-disable");
        assertTrue(wrongPassword.text().contains("That password is not correct"), wrongPassword.text());
        assertFalse(wrongPassword.document().select("#input-error-password[role=alert]").isEmpty(), "field error announced");

        assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "a failure changes nothing");
        BruteForce.of(env, enrolled.user().id()).awaitAtLeast(1);

        Page end = signedIn.browser().submit(wrongPassword.form("#vigi-disable-form"),
                Map.of("password", enrolled.user().password(), "otp", enrolled.totp().now(1)));
        assertTrue(end.isRedirect(), end + " " + end.text());
        assertEquals("success", end.redirectParams().get("kc_action_status"));
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty());
        assertEquals(1, env.inbox().to(enrolled.user().email(), "was turned off").size());
        assertTrue(env.inbox().to(enrolled.user().email(), "was turned off").get(0).reportLink().isPresent(), "\"This wasn't me\" link");
        List<EventRepresentation> removed = LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL");
        assertEquals(1, removed.size());
        assertEquals("settings-disable", removed.get(0).getDetails().get("vigi_2fa"));
        assertEquals(1, LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL_ERROR").size(), "the refusal is recorded");

        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest again = oauth.authRequest(VigiClient.VMS_CLOUD);
        Grants.issued(Flows.signInWithPassword(oauth, new WebSession(env.baseUrl()), again, enrolled.user()), "password alone now");
    }

    @Test
    void wrongCodeIsRefusedAndCountedByBruteForce(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("disablecode");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        Page page = signedIn.startAction("vigi-2fa-disable");
        // Only one failure per test: two within realm's quickLoginCheck (1 s) would lock the user for a minute.
        Page wrongCode = signedIn.browser().submit(page.form("#vigi-disable-form"),
                Map.of("password", enrolled.user().password(), "otp", enrolled.totp().wrongNow()));
        Flows.assertPage(wrongCode, "login-vigi-2fa-disable");
        assertTrue(wrongCode.text().contains("That code is not correct or was already used."), wrongCode.text());
        assertFalse(wrongCode.document().select("#input-error-otp[role=alert]").isEmpty(), "field error announced");
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size());
        BruteForce.of(env, enrolled.user().id()).awaitAtLeast(1);
        assertEquals("invalid_user_credentials",
                LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL_ERROR").get(0).getError());
    }

    /** One input rule on every code field: a code typed with a space, or in full-width digits, turns 2FA off here too. */
    @Test
    void spacedAndFullWidthCodesAreReadAsOnEveryCodeField(VigiEnvironment env) throws Exception {
        for (boolean fullWidth : new boolean[] {false, true}) {
            EnrolledUser enrolled = env.newUserWithOtp(fullWidth ? "disable-wide" : "disable-spaced");
            SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
            Page page = signedIn.startAction("vigi-2fa-disable");
            String code = enrolled.totp().now(1);
            String typed = fullWidth ? code.chars().mapToObj(c -> String.valueOf((char) (c - '0' + 0xff10))).reduce("", String::concat)
                    : code.substring(0, 3) + " " + code.substring(3);
            Page end = signedIn.browser().submit(page.form("#vigi-disable-form"), Map.of("password", enrolled.user().password(), "otp", typed));
            assertTrue(end.isRedirect(), typed + ": " + end + " " + end.text());
            assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty(), typed + " turned 2FA off");
        }
    }

    @Test
    void cancelChangesNothing(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("disablecancel");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        Page page = signedIn.startAction("vigi-2fa-disable");
        Flows.assertPage(page, "login-vigi-2fa-disable");
        Page end = signedIn.browser().submit(page.form("#vigi-disable-form"), Map.of("cancel-aia", "true"));
        assertTrue(end.isRedirect(), end.toString());
        assertEquals("cancelled", end.redirectParams().get("kc_action_status"));
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size());
        assertTrue(env.inbox().to(enrolled.user().email(), "was turned off").isEmpty());
    }

    @Test
    void otherSessionsEndButTheCurrentOneGoesOn(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("disablesessions");
        // Three sign-ins with one authenticator: each takes a code of the look-around window not used yet, so a
        // period boundary during the test cannot make it replay one.
        UnusedCodes codes = new UnusedCodes(enrolled.totp());
        SignedIn pc = SignedIn.withCode(env, enrolled, VigiClient.PC_CLIENT, codes.next());
        OAuth oauth = pc.oauth();

        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, codes.next());
        OAuth.AuthRequest action = oauth.authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-disable");
        Page page = signedIn.browser().get(action.url());
        Page end = signedIn.browser().submit(page.form("#vigi-disable-form"),
                Map.of("password", enrolled.user().password(), "otp", codes.next()));
        assertEquals("success", end.redirectParams().get("kc_action_status"), end.toString());
        Grants.issued(Flows.tokens(oauth, action, end), "the application gets its answer");

        pc.assertSignedOut("the other device is signed out");
    }
}

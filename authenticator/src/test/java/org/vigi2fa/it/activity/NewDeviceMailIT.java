package org.vigi2fa.it.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "A new sign-in to your VIGI account": once for a second device that signs in with the code, with the application,
 * the device, the time, the address and "This wasn't me"; not for the first device, not again for the same device, not
 * for a trusted device that skips the code.
 */
@VigiTest
class NewDeviceMailIT {

    private static final String SUBJECT = "A new sign-in";
    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Mobile Safari/537.36";

    @Test
    void aSecondDeviceIsToldOnceTheFirstNever(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("new-device");
        Totp.awayFromPeriodEdge();
        SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now(-1));
        assertEquals(List.of(), env.inbox().to(enrolled.user().email(), SUBJECT), "the first device");

        OAuth oauth = new OAuth(env.realmUrl());
        WebSession phone = new WebSession(env.baseUrl()).header("User-Agent", PHONE);
        Flows.signInWithCode(oauth, phone, oauth.authRequest(VigiClient.VMS_CLOUD), enrolled.user(), enrolled.totp().now());
        List<Mail> mails = env.inbox().to(enrolled.user().email(), SUBJECT);
        assertEquals(1, mails.size(), "one mail for the new device");
        String text = mails.get(0).text();
        assertTrue(text.contains("VIGI VMS Cloud") && text.contains("Chrome Mobile on Android") && text.contains("UTC")
                && text.contains("IP address"), text);
        assertTrue(mails.get(0).reportLink().isPresent(), "\"This wasn't me\"");

        // the same phone once more, to another application (the look-around window's last unused code): no second mail
        Flows.signInWithCode(oauth, phone, oauth.authRequest(VigiClient.VMS_LOCAL, "prompt", "login"), enrolled.user(),
                enrolled.totp().now(1));
        assertEquals(1, env.inbox().to(enrolled.user().email(), SUBJECT).size(), "the phone is known now");
    }

    /**
     * The device name comes from the browser's User-Agent, which whoever signs in chooses: whatever it holds, the mail
     * to the account's owner (and the activity row) carries no markup and no link of the sender's.
     */
    @Test
    void aUserAgentCannotWriteIntoTheMail(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("new-device-ua");
        Totp.awayFromPeriodEdge();
        SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now(-1));
        OAuth oauth = new OAuth(env.realmUrl());
        String crafted = "<a href=\"https://evil.example/verify\">Verify-now</a>/1.0 (<b>Windows</b>; <img src=x>) evil.example/2";
        WebSession browser = new WebSession(env.baseUrl()).header("User-Agent", crafted);
        Flows.signInWithCode(oauth, browser, oauth.authRequest(VigiClient.VMS_CLOUD), enrolled.user(), enrolled.totp().now());
        List<Mail> mails = env.inbox().to(enrolled.user().email(), SUBJECT);
        assertEquals(1, mails.size());
        String html = mails.get(0).html();
        assertFalse(html.contains("evil.example") || html.contains("<b>Windows") || html.contains("<img"), html);
        String device = ActivityRows.ofKind(env, enrolled.user().id(), "sign-in-code").get(0).path("device").asText();
        assertTrue(device.matches("[\\p{L}\\p{N} ._()/+-]*"), device);
    }

    @Test
    void aTrustedDeviceSkippingTheCodeIsNoNewDevice(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("new-device-trust");
        Totp.awayFromPeriodEdge();
        SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now(-1));
        SignedIn trusted = SignedIn.trustingTheDevice(env, enrolled, VigiClient.VMS_LOCAL, enrolled.totp().now());
        int before = env.inbox().to(enrolled.user().email(), SUBJECT).size();

        // the trusted browser without its device cookie (cleared, or another profile with the trust copied): the
        // activity sees an unknown device, but it skips the code, so it is no new device sign-in with the code
        OAuth oauth = new OAuth(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl()).header("User-Agent", PHONE);
        browser.cookies().put(SignedIn.TRUSTED_DEVICE_COOKIE, trusted.browser().cookies().get(SignedIn.TRUSTED_DEVICE_COOKIE));
        Flows.signInWithPassword(oauth, browser, oauth.authRequest(VigiClient.VMS_CLOUD), enrolled.user());
        assertEquals(1, ActivityRows.ofKind(env, enrolled.user().id(), "sign-in-trusted-device").size(),
                ActivityRows.of(env, enrolled.user().id()).toString());
        assertEquals(before, env.inbox().to(enrolled.user().email(), SUBJECT).size(), "no new-device mail for a trusted device");
    }
}

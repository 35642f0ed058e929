package org.vigi2fa.it.stepup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.testing.Flows.CODE_PAGE;
import static org.vigi2fa.it.stepup.StepUpSupport.NEEDED_PAGE;
import static org.vigi2fa.it.stepup.StepUpSupport.PASSWORD;
import static org.vigi2fa.it.stepup.StepUpSupport.PASSWORD_AND_CODE;
import static org.vigi2fa.it.stepup.StepUpSupport.assertLevel;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * Step-up: a client asking acr_values=2 (or acr as an essential claim) gets the code even inside an SSO session that
 * did not pass it (a trusted device), without the password again; a user without 2FA is shown how to turn it on.
 */
@VigiTest
class StepUpIT {

    private static final String TRUST_COOKIE = "VIGI_TRUSTED_DEVICE";
    private static final String TRUST_BOX = "vigi-trust-device";
    private static final String ESSENTIAL_ACR = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"2\"]}}}";

    @Test
    void trustedDeviceSessionReportsNoCodeAndStepsUpToIt(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("stepup-trusted");
        Totp.awayFromPeriodEdge();
        Visit device = trustedDevice(env, enrolled);

        // password only on the trusted device: amr pwd, level 1
        Page afterPassword = device.passwordStep(enrolled.user());
        assertLevel(device.tokens(afterPassword), PASSWORD, "1", "trusted device");

        // the same SSO session, a client asking level 2: the code, not the password
        Visit stepUp = device.then(VigiClient.VMS_LOCAL, "acr_values", "2");
        Page asked = stepUp.open();
        Flows.assertPage(asked, CODE_PAGE);
        assertNull(asked.document().selectFirst("input[name=" + TRUST_BOX + "]"), "step-up never offers to trust the device");
        assertLevel(stepUp.tokens(stepUp.code(asked, enrolled.totp().now(1))), PASSWORD_AND_CODE, "2", "after step-up");

        // level 2 now holds for the session: the next client asking it signs in by SSO alone
        Visit again = device.then(VigiClient.VMS_CLOUD, "acr_values", "2");
        assertLevel(again.tokens(again.open()), PASSWORD_AND_CODE, "2", "SSO at level 2");
    }

    @Test
    void essentialAcrClaimAlsoStepsUp(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("stepup-claim");
        Totp.awayFromPeriodEdge();
        Visit device = trustedDevice(env, enrolled);
        device.tokens(device.passwordStep(enrolled.user()));

        Visit stepUp = device.then(VigiClient.VMS_CLOUD, "claims", ESSENTIAL_ACR);
        Page asked = stepUp.open();
        Flows.assertPage(asked, CODE_PAGE);
        assertLevel(stepUp.tokens(stepUp.code(asked, enrolled.totp().now(1))), PASSWORD_AND_CODE, "2", "essential acr");
    }

    @Test
    void userWithoutTwoFactorIsToldHowToTurnItOn(VigiEnvironment env) {
        TestUser plain = env.newUser("stepup-plain");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD, "acr_values", "2");
        Page needed = visit.passwordStep(plain);
        assertNeededPage(needed, "VIGI VMS Cloud");

        // reloading or posting anything else keeps the page: no token at level 1
        Page stays = visit.browser().submit(needed.form("#vigi-needed-form"), Map.of());
        Flows.assertPage(stays, NEEDED_PAGE);

        Page confirm = visit.browser().submit(stays.form("#vigi-needed-form"), Map.of("enable", "true"));
        Flows.assertPage(confirm, "login-vigi-2fa-enable-confirm");

        // cancelling the enrolment gives no token: it starts over
        Page cancelled = visit.browser().submit(confirm.form("#vigi-enable-confirm-form"), Map.of("cancel-aia", "true"));
        assertFalse(cancelled.isRedirect() && cancelled.redirect().startsWith(VigiClient.VMS_CLOUD.redirectUri), cancelled.toString());
        assertTrue(cancelled.status() < 500, cancelled.toString());

        // another try: the enrolment proves a code of the new authenticator, and the sign-in ends at level 2
        Visit retry = Visit.to(env, VigiClient.VMS_CLOUD, "acr_values", "2");
        Page neededAgain = retry.passwordStep(plain);
        Page again = retry.browser().submit(neededAgain.form("#vigi-needed-form"), Map.of("enable", "true"));
        Page password = retry.browser().submit(again.form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
        Page scan = retry.browser().submit(password.form("#vigi-password-form"), Map.of("password", plain.password()));
        Flows.assertPage(scan, "login-vigi-2fa-enable-scan");
        String key = scan.document().selectFirst("#vigi-secret").text().replace(" ", "");
        Page end = retry.browser().submit(scan.form("#vigi-scan-form"), Map.of("otp", Totp.ofBase32(key).now()));
        assertLevel(retry.tokens(end), PASSWORD, "2", "after turning 2FA on for the client");
    }

    @Test
    void userWithoutTwoFactorInAnSsoSessionGetsThePageWithoutThePassword(VigiEnvironment env) {
        TestUser plain = env.newUser("stepup-plain-sso");
        Visit cloud = Visit.to(env, VigiClient.VMS_CLOUD);
        assertLevel(cloud.signInWithPassword(plain), PASSWORD, "1", "password only");

        assertNeededPage(cloud.then(VigiClient.VIGI_APP, "acr_values", "2").open(), "VIGI App");
        assertNeededPage(cloud.then(VigiClient.VMS_LOCAL, "claims", ESSENTIAL_ACR).open(), "VIGI VMS Local");
    }

    @Test
    void badAcrValuesAreNoServerError(VigiEnvironment env) {
        for (String acr : new String[] {"9", "x", "2 1", ""}) {
            Page page = Visit.to(env, VigiClient.VMS_CLOUD, "acr_values", acr).open();
            assertTrue(page.status() < 500, acr + ": " + page);
        }
    }

    private static void assertNeededPage(Page page, String clientName) {
        Flows.assertPage(page, NEEDED_PAGE);
        assertTrue(page.document().selectFirst("#vigi-needed-text").text().contains(clientName), page.document().text());
        assertNotNull(page.document().selectFirst("#vigi-needed-form button[name=enable]"), "the way to turn it on");
    }

    /** Signs in with the code ticking "Don't ask again", then a fresh browser holding only the trust cookie. */
    private static Visit trustedDevice(VigiEnvironment env, EnrolledUser enrolled) {
        Visit first = Visit.to(env, VigiClient.VMS_CLOUD);
        Page codePage = first.codePage(enrolled.user());
        Page end = first.browser().submit(codePage.form("#kc-otp-login-form"), Map.of("otp", enrolled.totp().now(), TRUST_BOX, "on"));
        assertEquals(200, first.tokens(end).get("status").asInt());
        String cookie = first.browser().cookies().get(TRUST_COOKIE);
        assertNotNull(cookie, "trusted-device cookie set");
        Visit device = Visit.to(env, VigiClient.VMS_CLOUD);
        WebSession browser = device.browser();
        browser.cookies().put(TRUST_COOKIE, cookie);
        return device;
    }
}

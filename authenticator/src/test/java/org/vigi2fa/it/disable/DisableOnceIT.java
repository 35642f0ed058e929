package org.vigi2fa.it.disable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Parallel;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * Turning 2FA off from settings, whatever the browser does: a double-click on "Turn off" turns it off once, mails
 * once, counts no failure, and both answers take the browser back to the application with the action done.
 */
@VigiTest
class DisableOnceIT {

    private static final String FORM = "#vigi-disable-form";

    @Test
    void doubleClickTurnsOffOnceAndBothAnswersSayDone(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("disabledouble");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        Page page = signedIn.startAction("vigi-2fa-disable");
        Flows.assertPage(page, "login-vigi-2fa-disable");
        Map<String, String> fields = Map.of("password", enrolled.user().password(), "otp", enrolled.totp().now(1));

        List<Page> answers = Parallel.doubleSubmit(signedIn.browser(), tab -> tab.submit(page.form(FORM), fields));
        for (Page answer : answers) {
            assertTrue(answer.isRedirect(), "back to the application: " + answer + " " + answer.text());
            assertEquals("success", answer.redirectParams().get("kc_action_status"), answer.toString());
        }
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty(), "OTP credential removed");
        assertEquals(1, LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL").size(), "one removal event");
        assertEquals(List.of(), LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL_ERROR"), "no refusal");
        assertEquals(1, env.inbox().to(enrolled.user().email(), "was turned off").size(), "one turned-off mail");
    }

    @Test
    void resubmitAfterDoneChangesNothingMore(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("disableresubmit");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        Page page = signedIn.startAction("vigi-2fa-disable");
        Map<String, String> fields = Map.of("password", enrolled.user().password(), "otp", enrolled.totp().now(1));
        Page first = signedIn.browser().submit(page.form(FORM), fields);
        assertEquals("success", first.redirectParams().get("kc_action_status"), first.toString());

        // Back + submit again once the application has its answer: Keycloak itself answers (the action it ran is
        // over), back to the application; nothing of the turn-off repeats and nothing counts as a failure.
        Page again = signedIn.browser().submit(page.form(FORM), fields);
        assertTrue(again.isRedirect(), "back to the application: " + again + " " + again.text());
        assertEquals(1, LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL").size(), "one removal event");
        assertEquals(List.of(), LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL_ERROR"), "no refusal");
        assertEquals(1, env.inbox().to(enrolled.user().email(), "was turned off").size(), "one turned-off mail");
    }
}

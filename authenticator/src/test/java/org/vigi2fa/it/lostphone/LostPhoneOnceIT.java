package org.vigi2fa.it.lostphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.lostphone.LostPhoneSupport.requestLink;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Parallel;
import org.vigi2fa.testing.Pause;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.DroppedPost;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The lost-phone confirm, whatever the browser does: a double-click, a resubmit after it worked, a connection dropped
 * right after the POST. One turn-off, one event, one mail, and the browser that confirmed sees "2FA is off".
 */
@VigiTest
class LostPhoneOnceIT {

    private static final String FORM = "#vigi-lost-confirm-form";
    private static final String DONE = "login-vigi-2fa-lost-done";

    @Test
    void doubleClickInTheBrowserTheLinkCameFromShowsDoneOnceOverAndMailsOnce(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("lostdouble");
        WebSession browser = new WebSession(env.baseUrl());
        requestLink(env, browser, VigiClient.VMS_CLOUD, enrolled);
        Page confirm = browser.get(env.inbox().latestActionLink(enrolled.user().email()));

        List<Page> answers = Parallel.doubleSubmit(browser, tab -> tab.submit(confirm.form(FORM), Map.of()));
        for (Page answer : answers) {
            Flows.assertPage(answer, DONE);
        }
        assertTurnedOffOnce(env, enrolled);
    }

    @Test
    void doubleClickOnAnotherDeviceWithThePasswordShowsDoneOnceOverAndMailsOnce(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("lostdoublepw");
        requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        WebSession device = new WebSession(env.baseUrl());
        Page confirm = device.get(env.inbox().latestActionLink(enrolled.user().email()));

        List<Page> answers = Parallel.doubleSubmit(device,
                tab -> tab.submit(confirm.form(FORM), Map.of("password", enrolled.user().password())));
        for (Page answer : answers) {
            Flows.assertPage(answer, DONE);
        }
        assertTurnedOffOnce(env, enrolled);
    }

    @Test
    void resubmitAfterDoneShowsDoneAgainWhileAnotherBrowserHearsUsed(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("lostresubmit");
        WebSession browser = new WebSession(env.baseUrl());
        requestLink(env, browser, VigiClient.VMS_CLOUD, enrolled);
        String link = env.inbox().latestActionLink(enrolled.user().email());
        Page confirm = browser.get(link);
        Flows.assertPage(browser.submit(confirm.form(FORM), Map.of()), DONE);

        // back + submit again, or a refresh that posts again
        Flows.assertPage(browser.submit(confirm.form(FORM), Map.of()), DONE);
        Page elsewhere = new WebSession(env.baseUrl()).get(link);
        assertTrue(elsewhere.text().contains("already used"), elsewhere + " " + elsewhere.text());
        assertTurnedOffOnce(env, enrolled);
    }

    @Test
    void confirmWhoseConnectionDropsStillMailsOnceAndTheRetryShowsDone(VigiEnvironment env) {
        // The browser gives up a little later each time, so that some tries land while the server is at work.
        int carriedOut = 0;
        for (long delay : new long[] {5, 20, 40, 80, 150, 300}) {
            carriedOut += droppedConfirm(env, delay) ? 1 : 0;
        }
        assertTrue(carriedOut > 0, "no dropped confirm reached the server: the test showed nothing");
    }

    /** One confirm dropped after the delay; when the server carried it out, one mail follows and a retry shows done. */
    private static boolean droppedConfirm(VigiEnvironment env, long delayMillis) {
        EnrolledUser enrolled = env.newUserWithOtp("lostdropped");
        WebSession browser = new WebSession(env.baseUrl());
        requestLink(env, browser, VigiClient.VMS_CLOUD, enrolled);
        Page confirm = browser.get(env.inbox().latestActionLink(enrolled.user().email()));

        DroppedPost.submit(browser, confirm.form(FORM), Map.of(), delayMillis);
        if (!Pause.until(() -> env.otpCredentials(enrolled.user().id()).isEmpty(), 5)) {
            return false; // given up before the server read the form: nothing happened, nothing to tell
        }
        Pause.until(() -> !env.inbox().to(enrolled.user().email(), LostPhoneIT.OFF_SUBJECT).isEmpty(), 10);
        assertEquals(1, env.inbox().to(enrolled.user().email(), LostPhoneIT.OFF_SUBJECT).size(),
                "one turned-off mail although no one read the answer (dropped after " + delayMillis + " ms)");
        // the browser tries again (a reload of the lost answer)
        Flows.assertPage(browser.submit(confirm.form(FORM), Map.of()), DONE);
        assertTurnedOffOnce(env, enrolled);
        return true;
    }

    /** The OTP credential is gone, and exactly one removal event and one "turned off" mail say so. */
    static void assertTurnedOffOnce(VigiEnvironment env, EnrolledUser enrolled) {
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty(), "OTP credential removed");
        assertEquals(1, LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL").size(), "one removal event");
        assertEquals(1, env.inbox().to(enrolled.user().email(), LostPhoneIT.OFF_SUBJECT).size(), "one turned-off mail");
    }
}

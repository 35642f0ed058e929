package org.vigi2fa.it.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
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
 * "This wasn't me", whatever the browser does: a double-click or a resubmit acts once and shows the browser that
 * confirmed "Your account is secured"; another browser with the same link hears it was used.
 */
@VigiTest
class ReportOnceIT {

    @Test
    void doubleClickShowsDoneOnceOverAndReportsOnce(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = userWithReportLink(env, "notmedouble");
        String link = ReportSupport.reportLink(env, enrolled.user().email(), "Turn off two-factor");
        int mails = env.inbox().to(enrolled.user().email()).size();
        WebSession browser = new WebSession(env.baseUrl());
        Page confirm = browser.get(link);
        Flows.assertPage(confirm, ReportSupport.CONFIRM_PAGE);

        List<Page> answers = Parallel.doubleSubmit(browser, tab -> tab.submit(confirm.form(ReportSupport.CONFIRM_FORM), Map.of()));
        for (Page answer : answers) {
            Flows.assertPage(answer, ReportSupport.DONE_PAGE);
        }
        assertEquals(1, ReportSupport.reports(env, enrolled.user().id()).size(), "one report event");
        assertEquals(mails, env.inbox().to(enrolled.user().email()).size(), "a report mails nothing");
    }

    @Test
    void resubmitAfterDoneShowsDoneAgainWhileAnotherBrowserHearsUsed(VigiEnvironment env) {
        EnrolledUser enrolled = userWithReportLink(env, "notmeresubmit");
        String link = ReportSupport.reportLink(env, enrolled.user().email(), "Turn off two-factor");
        WebSession browser = new WebSession(env.baseUrl());
        Page confirm = browser.get(link);
        Flows.assertPage(browser.submit(confirm.form(ReportSupport.CONFIRM_FORM), Map.of()), ReportSupport.DONE_PAGE);

        Flows.assertPage(browser.submit(confirm.form(ReportSupport.CONFIRM_FORM), Map.of()), ReportSupport.DONE_PAGE);
        Page elsewhere = new WebSession(env.baseUrl()).get(link);
        assertTrue(elsewhere.text().contains(ReportSupport.USED), elsewhere + " " + elsewhere.text());
        assertEquals(1, ReportSupport.reports(env, enrolled.user().id()).size(), "one report event");
    }

    @Test
    void confirmWhoseConnectionDropsActsOnceAndTheRetryShowsDone(VigiEnvironment env) {
        int carriedOut = 0;
        for (long delay : new long[] {5, 20, 40, 80, 150}) {
            carriedOut += droppedConfirm(env, delay) ? 1 : 0;
        }
        assertTrue(carriedOut > 0, "no dropped confirm reached the server: the test showed nothing");
    }

    /** One confirm dropped after the delay; when the server carried it out, a retry shows done and nothing repeats. */
    private static boolean droppedConfirm(VigiEnvironment env, long delayMillis) {
        EnrolledUser enrolled = userWithReportLink(env, "notmedropped");
        String link = ReportSupport.reportLink(env, enrolled.user().email(), "Turn off two-factor");
        WebSession browser = new WebSession(env.baseUrl());
        Page confirm = browser.get(link);

        DroppedPost.submit(browser, confirm.form(ReportSupport.CONFIRM_FORM), Map.of(), delayMillis);
        if (!Pause.until(() -> !ReportSupport.reports(env, enrolled.user().id()).isEmpty(), 5)) {
            return false;
        }
        Flows.assertPage(browser.submit(confirm.form(ReportSupport.CONFIRM_FORM), Map.of()), ReportSupport.DONE_PAGE);
        assertEquals(1, ReportSupport.reports(env, enrolled.user().id()).size(), "one report event");
        return true;
    }

    /** A user whose mailbox holds a mail with a "This wasn't me" link (the lost-phone link's). */
    private static EnrolledUser userWithReportLink(VigiEnvironment env, String prefix) {
        EnrolledUser enrolled = env.newUserWithOtp(prefix);
        LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        return enrolled;
    }
}

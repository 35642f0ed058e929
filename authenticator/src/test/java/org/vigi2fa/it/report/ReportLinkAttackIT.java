package org.vigi2fa.it.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Parallel;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/** Tries to make the "This wasn't me" link act without a confirm, twice, late, or twice at once. */
@VigiTest
class ReportLinkAttackIT {

    /** A signed-in user and the link of the mail that asking for the lost-phone link sent. */
    private record Reported(EnrolledUser enrolled, SignedIn pc, String link) {
    }

    private static Reported reported(VigiEnvironment env, String prefix) {
        EnrolledUser enrolled = env.newUserWithOtp(prefix);
        SignedIn pc = SignedIn.withCode(env, enrolled, VigiClient.PC_CLIENT);
        LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        return new Reported(enrolled, pc, ReportSupport.reportLink(env, enrolled.user().email(), "Turn off two-factor"));
    }

    /** Nothing of a confirm happened: still signed in, no new-password demand, no event. */
    private static void assertNothingHappened(VigiEnvironment env, Reported reported) {
        reported.pc().assertStillSignedIn("still signed in");
        assertFalse(ReportSupport.user(env, reported.enrolled().user().id()).getRequiredActions().contains("UPDATE_PASSWORD"));
        assertTrue(ReportSupport.reports(env, reported.enrolled().user().id()).isEmpty(), "no report event");
    }

    @Test
    void openingTheLinkOnlyShowsTheConfirmPage(VigiEnvironment env) {
        Reported reported = reported(env, "notmeget");
        // a mail scanner, then the user: both only GET
        ReportSupport.open(env, reported.link());
        Page page = ReportSupport.open(env, reported.link());
        assertNotEquals(null, page.form(ReportSupport.CONFIRM_FORM).attr("action"));
        assertEquals("post", page.form(ReportSupport.CONFIRM_FORM).attr("method").toLowerCase());
        assertNothingHappened(env, reported);
    }

    @Test
    void aUsedLinkDoesNothingMore(VigiEnvironment env) {
        Reported reported = reported(env, "notmereuse");
        Page confirm = ReportSupport.open(env, reported.link());
        Page second = ReportSupport.open(env, reported.link());
        Flows.assertPage(ReportSupport.confirm(env, confirm), ReportSupport.DONE_PAGE);

        Page again = ReportSupport.confirm(env, second);
        assertNotEquals(ReportSupport.DONE_PAGE, again.pageId());
        assertTrue(again.text().contains(ReportSupport.USED), again + " " + again.text());
        Page reopened = new WebSession(env.baseUrl()).get(reported.link());
        assertEquals(400, reopened.status(), reopened.toString());
        assertTrue(reopened.text().contains(ReportSupport.USED), reopened.text());
        assertEquals(1, ReportSupport.reports(env, reported.enrolled().user().id()).size(), "one report event");
    }

    @Test
    void anExpiredLinkDoesNothing(VigiEnvironment env) {
        Reported reported = reported(env, "notmeexpired");
        Page confirm = ReportSupport.open(env, reported.link());
        try {
            env.moveClock(7 * 86_400 + 60);
            Page late = ReportSupport.confirm(env, confirm);
            assertNotEquals(ReportSupport.DONE_PAGE, late.pageId());
            assertTrue(late.status() < 500, late.toString());
            Page lateGet = new WebSession(env.baseUrl()).get(reported.link());
            assertEquals(400, lateGet.status(), lateGet.toString());
            assertTrue(lateGet.text().toLowerCase().contains("expired"), lateGet.text());
        } finally {
            env.moveClock(0);
        }
        assertTrue(ReportSupport.reports(env, reported.enrolled().user().id()).isEmpty(), "no report event");
        // (sessions may have timed out while the clock was ahead: only what a confirm would add is checked)
        assertFalse(ReportSupport.user(env, reported.enrolled().user().id()).getRequiredActions().contains("UPDATE_PASSWORD"));
    }

    @Test
    void tenParallelConfirmsActOnce(VigiEnvironment env) throws Exception {
        Reported reported = reported(env, "notmeparallel");
        // ten browsers, each with the page it opened itself
        List<Callable<Page>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Page confirm = ReportSupport.open(env, reported.link());
            calls.add(() -> ReportSupport.confirm(env, confirm));
        }
        List<Page> answers = Parallel.atOnce(calls);
        assertEquals(1, answers.stream().filter(p -> ReportSupport.DONE_PAGE.equals(p.pageId())).count(), "exactly one confirm wins");
        for (Page page : answers) {
            if (!ReportSupport.DONE_PAGE.equals(page.pageId())) {
                assertTrue(page.text().contains(ReportSupport.USED), "the rest hear the link was used: " + page + " " + page.text());
            }
        }
        assertEquals(1, ReportSupport.reports(env, reported.enrolled().user().id()).size(), "one report event");
    }
}

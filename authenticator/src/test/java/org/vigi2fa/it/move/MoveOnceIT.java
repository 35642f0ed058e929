package org.vigi2fa.it.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Parallel;
import org.vigi2fa.testing.RecoverySeed;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.UnusedCodes;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Two moves finishing at once (two browsers, two new phones) end with exactly one new key; a double-click moves once. */
@VigiTest
class MoveOnceIT {

    @Test
    void twoMovesAtOnceEndWithExactlyOneNewKey(VigiEnvironment env) throws Exception {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-twice");
        RecoverySeed recovery = RecoverySeed.give(env, enrolled.user().id(), 10);
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        SignedIn first = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, oldPhone.next());
        SignedIn second = SignedIn.withCode(env, enrolled, VigiClient.VMS_LOCAL, oldPhone.next());
        OAuth.AuthRequest firstRequest = MoveSupport.request(first);
        OAuth.AuthRequest secondRequest = MoveSupport.request(second);
        Page firstScan = MoveSupport.toScan(first, firstRequest, enrolled.user(), oldPhone.next());
        Page secondScan = MoveSupport.toScan(second, secondRequest, enrolled.user(), recovery.codes().get(0));
        UnusedCodes firstPhone = new UnusedCodes(MoveSupport.newPhone(firstScan));
        UnusedCodes secondPhone = new UnusedCodes(MoveSupport.newPhone(secondScan));
        String firstCode = firstPhone.next();
        String secondCode = secondPhone.next();

        List<Page> answers = Parallel.atOnce(List.of(
                () -> MoveSupport.newCode(first.browser(), firstScan, firstCode),
                () -> MoveSupport.newCode(second.browser(), secondScan, secondCode)));
        long moved = answers.stream().filter(MoveOnceIT::moved).count();
        assertEquals(1, moved, "exactly one move succeeds: " + answers);
        assertEquals(1, MoveSupport.events(env, enrolled.user().id(), "UPDATE_CREDENTIAL", "moved").size(), "one event");
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "one authenticator");

        boolean firstWon = moved(answers.get(0));
        UnusedCodes winner = firstWon ? firstPhone : secondPhone;
        UnusedCodes loser = firstWon ? secondPhone : firstPhone;
        assertTrue(!MoveSupport.codeSignsIn(env, enrolled.user(), loser.next()), "the other new phone's key was never stored");
        assertTrue(MoveSupport.codeSignsIn(env, enrolled.user(), winner.next()), "the winner's new phone signs in");
        assertEquals(1, env.inbox().to(enrolled.user().email(), MoveSupport.MAIL_SUBJECT).size(), "one mail");
    }

    @Test
    void aDoubleClickOnTheLastPageMovesOnce(VigiEnvironment env) throws Exception {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-double");
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, oldPhone.next());
        OAuth.AuthRequest request = MoveSupport.request(signedIn);
        Page scan = MoveSupport.toScan(signedIn, request, enrolled.user(), oldPhone.next());
        String code = MoveSupport.newPhone(scan).now();

        List<Page> answers = Parallel.doubleSubmit(signedIn.browser(),
                tab -> tab.submit(scan.form(MoveSupport.SCAN_FORM), Map.of("otp", code)));
        assertTrue(answers.stream().anyMatch(Page::isRedirect), "the browser gets back to the application: " + answers);
        for (Page answer : answers) {
            assertTrue(answer.isRedirect() || !MoveSupport.PAGE_SCAN.equals(answer.pageId()), "never \"wrong code\" for the code that worked: " + answer);
        }
        assertEquals(1, MoveSupport.events(env, enrolled.user().id(), "UPDATE_CREDENTIAL", "moved").size(), "one event");
        assertEquals(1, env.inbox().to(enrolled.user().email(), MoveSupport.MAIL_SUBJECT).size(), "one mail");
    }

    private static boolean moved(Page answer) {
        return answer.isRedirect() && "success".equals(answer.redirectParams().get("kc_action_status"));
    }
}

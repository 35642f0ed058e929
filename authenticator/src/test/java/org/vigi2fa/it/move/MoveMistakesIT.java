package org.vigi2fa.it.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.UnusedCodes;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * Until the new phone's code is right nothing changes: a wrong new code shows the same key again, cancel at either
 * page and a move left half-way keep the old phone working, also in other browsers meanwhile.
 */
@VigiTest
class MoveMistakesIT {

    @Test
    void aWrongNewCodeKeepsTheSameKeyAndCancelKeepsTheOldPhone(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-wrong");
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, oldPhone.next());
        OAuth.AuthRequest request = MoveSupport.request(signedIn);
        Page scan = MoveSupport.toScan(signedIn, request, enrolled.user(), oldPhone.next());
        Totp newPhone = MoveSupport.newPhone(scan);

        Page wrong = MoveSupport.newCode(signedIn.browser(), scan, newPhone.wrongNow());
        Flows.assertPage(wrong, MoveSupport.PAGE_SCAN);
        assertTrue(wrong.text().contains("That code is not correct or was already used."), wrong.text());
        assertEquals(MoveSupport.newPhone(scan).forPeriod(1), MoveSupport.newPhone(wrong).forPeriod(1),
                "the same key: the new phone already holds it");
        Page malformed = MoveSupport.newCode(signedIn.browser(), wrong, "12ab");
        Flows.assertPage(malformed, MoveSupport.PAGE_SCAN);

        MoveSupport.assertBackAtApp(MoveSupport.cancel(signedIn.browser(), malformed, MoveSupport.SCAN_FORM), request, "cancelled");
        assertTrue(MoveSupport.codeSignsIn(env, enrolled.user(), oldPhone.next()), "the old phone still signs in");
        assertEquals(0, MoveSupport.events(env, enrolled.user().id(), "UPDATE_CREDENTIAL", "moved").size());
        assertEquals(1, MoveSupport.events(env, enrolled.user().id(), "UPDATE_CREDENTIAL_ERROR", "move-cancel-new-phone").size(),
                "the cancel is recorded");
        assertTrue(env.inbox().to(enrolled.user().email(), MoveSupport.MAIL_SUBJECT).isEmpty(), "no mail");
    }

    @Test
    void aMoveLeftHalfWayKeepsTheOldPhoneEverywhere(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-abandoned");
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, oldPhone.next());
        Page scan = MoveSupport.toScan(signedIn, MoveSupport.request(signedIn), enrolled.user(), oldPhone.next());
        MoveSupport.newPhone(scan);

        // the new phone scanned the key but its code never came: another browser signs in with the old phone
        assertTrue(MoveSupport.codeSignsIn(env, enrolled.user(), oldPhone.next()), "the old phone signs in meanwhile");
        signedIn.assertStillSignedIn("the session that started the move is untouched");
        assertEquals(0, MoveSupport.events(env, enrolled.user().id(), "UPDATE_CREDENTIAL", "moved").size());
    }

    @Test
    void cancelOnTheFirstPageChangesNothing(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("move-cancel");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        OAuth.AuthRequest request = MoveSupport.request(signedIn);
        Page prove = MoveSupport.start(signedIn, request);
        MoveSupport.assertBackAtApp(MoveSupport.cancel(signedIn.browser(), prove, MoveSupport.PROVE_FORM), request, "cancelled");
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size());
        assertEquals(0, MoveSupport.events(env, enrolled.user().id(), "UPDATE_CREDENTIAL", "moved").size());
        signedIn.assertStillSignedIn("nothing ended");
    }
}

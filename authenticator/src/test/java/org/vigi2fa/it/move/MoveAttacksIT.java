package org.vigi2fa.it.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Pause;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.UnusedCodes;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * What a holder of the password, of a signed-in browser or of a trusted device cannot do: the move needs the old
 * phone's code or a recovery code in the same session, and a code for a key of one's own posted without it changes
 * nothing. A replayed final post changes nothing twice.
 */
@VigiTest
class MoveAttacksIT {

    @Test
    void thePasswordAloneMovesNothing(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("move-password-only");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        Page prove = MoveSupport.start(signedIn, MoveSupport.request(signedIn));

        Page noCode = MoveSupport.prove(signedIn.browser(), prove, enrolled.user().password(), "");
        Flows.assertPage(noCode, MoveSupport.PAGE_PROVE);
        assertFalse(noCode.document().select("#input-error-proof[role=alert]").isEmpty(), "the field says what is missing");
        Page wrongCode = MoveSupport.prove(signedIn.browser(), noCode, enrolled.user().password(), enrolled.totp().wrongNow());
        Flows.assertPage(wrongCode, MoveSupport.PAGE_PROVE);
        assertTrue(wrongCode.text().contains("That code is not correct or was already used"), wrongCode.text());

        // a code of the attacker's own key, posted as if the new phone's page had been reached
        Totp attackers = Totp.ofBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        Page forged = signedIn.browser().submit(wrongCode.form(MoveSupport.PROVE_FORM), Map.of("otp", attackers.now()));
        Flows.assertPage(forged, MoveSupport.PAGE_PROVE);
        assertEquals(0, MoveSupport.events(env, enrolled.user().id(), "UPDATE_CREDENTIAL", "moved").size());
        Pause.millis(1100);
        assertTrue(MoveSupport.codeSignsIn(env, enrolled.user(), enrolled.totp().now(1)), "the old phone still signs in");
    }

    @Test
    void aTrustedDeviceSessionMustStillGiveTheCode(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-trusted");
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        String cookie = SignedIn.trustingTheDevice(env, enrolled, VigiClient.VMS_CLOUD, oldPhone.next()).browser()
                .cookies().get(SignedIn.TRUSTED_DEVICE_COOKIE);
        // a later visit of the trusted device: the password alone signs in, no code asked
        WebSession device = new WebSession(env.baseUrl());
        device.cookies().put(SignedIn.TRUSTED_DEVICE_COOKIE, cookie);
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest signIn = oauth.authRequest(VigiClient.VMS_CLOUD);
        SignedIn withoutCode = new SignedIn(device, oauth, VigiClient.VMS_CLOUD,
                Grants.issued(Flows.tokens(oauth, signIn, Flows.passwordStep(device, signIn, enrolled.user())), "no code asked"));

        Page prove = MoveSupport.start(withoutCode, MoveSupport.request(withoutCode));
        assertNotNull(prove.document().selectFirst("input#proof"), "the move asks for the code all the same");
        Page refused = MoveSupport.prove(device, prove, enrolled.user().password(), "");
        Flows.assertPage(refused, MoveSupport.PAGE_PROVE);
        assertEquals(0, MoveSupport.events(env, enrolled.user().id(), "UPDATE_CREDENTIAL", "moved").size());
        assertTrue(MoveSupport.codeSignsIn(env, enrolled.user(), oldPhone.next()), "the old phone still signs in");
    }

    @Test
    void aReplayedFinalPostChangesNothingTwice(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-replay");
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, oldPhone.next());
        OAuth.AuthRequest request = MoveSupport.request(signedIn);
        Page scan = MoveSupport.toScan(signedIn, request, enrolled.user(), oldPhone.next());
        UnusedCodes newPhone = new UnusedCodes(MoveSupport.newPhone(scan));
        String action = scan.form(MoveSupport.SCAN_FORM).absUrl("action");
        String code = newPhone.next();
        MoveSupport.assertBackAtApp(MoveSupport.newCode(signedIn.browser(), scan, code), request, "success");

        Page replay = signedIn.browser().post(action, Map.of("otp", code));
        assertTrue(replay.status() < 500, "no server error: " + replay);
        assertEquals(1, MoveSupport.events(env, enrolled.user().id(), "UPDATE_CREDENTIAL", "moved").size(), "one move");
        assertEquals(1, env.inbox().to(enrolled.user().email(), MoveSupport.MAIL_SUBJECT).size(), "one mail");
        assertTrue(MoveSupport.codeSignsIn(env, enrolled.user(), newPhone.next()), "the moved key is the one that works");
    }
}

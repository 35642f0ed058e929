package org.vigi2fa.it.move;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.RecoverySeed;
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
 * After a move whoever held the old phone is out: every other session, its SSO cookie, its refresh and offline tokens
 * end; the session that moved goes on and its application gets working tokens; a device trusted before stays trusted.
 */
@VigiTest
class MoveSessionsIT {

    @Test
    void otherSessionsAndTheirTokensEndTheCurrentOneGoesOn(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-sessions");
        RecoverySeed recovery = RecoverySeed.give(env, enrolled.user().id(), 10);
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        SignedIn pc = SignedIn.withCode(env, enrolled, VigiClient.PC_CLIENT, oldPhone.next());
        SignedIn app = SignedIn.offlineWithCode(env, enrolled, VigiClient.VIGI_APP, oldPhone.next());
        SignedIn current = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, oldPhone.next());

        // the look-around window's codes are used: the proof is a recovery code
        OAuth.AuthRequest request = MoveSupport.request(current);
        Page scan = MoveSupport.toScan(current, request, enrolled.user(), recovery.codes().get(0));
        Page end = MoveSupport.newCode(current.browser(), scan, MoveSupport.newPhone(scan).now());
        MoveSupport.assertBackAtApp(end, request, "success");
        SignedIn after = new SignedIn(current.browser(), current.oauth(), VigiClient.VMS_CLOUD,
                Grants.issued(Flows.tokens(current.oauth(), request, end), "the application gets its answer"));

        pc.assertSignedOut("the other browser's refresh token is dead");
        app.assertSignedOut("the app's offline token is dead");
        Page sso = pc.browser().get(pc.oauth().authRequest(VigiClient.PC_CLIENT).url());
        assertFalse(sso.isRedirect(), "the other browser's SSO session is over, it must sign in again: " + sso);
        after.assertStillSignedIn("the session that moved goes on");
        OAuth.AuthRequest local = after.oauth().authRequest(VigiClient.VMS_LOCAL);
        Grants.issued(Flows.tokens(after.oauth(), local, after.browser().get(local.url())), "its SSO opens another application");
    }

    @Test
    void aDeviceTrustedBeforeTheMoveStillSkipsTheCode(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-keeps-trust");
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        String cookie = SignedIn.trustingTheDevice(env, enrolled, VigiClient.VMS_CLOUD, oldPhone.next()).browser()
                .cookies().get(SignedIn.TRUSTED_DEVICE_COOKIE);
        SignedIn current = SignedIn.withCode(env, enrolled, VigiClient.VMS_LOCAL, oldPhone.next());
        OAuth.AuthRequest request = MoveSupport.request(current);
        Page scan = MoveSupport.toScan(current, request, enrolled.user(), oldPhone.next());
        MoveSupport.assertBackAtApp(MoveSupport.newCode(current.browser(), scan, MoveSupport.newPhone(scan).now()), request, "success");

        WebSession device = new WebSession(env.baseUrl());
        device.cookies().put(SignedIn.TRUSTED_DEVICE_COOKIE, cookie);
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest signIn = oauth.authRequest(VigiClient.VMS_CLOUD);
        Page afterPassword = Flows.passwordStep(device, signIn, enrolled.user());
        Grants.issued(Flows.tokens(oauth, signIn, afterPassword), "the device trusted before the move still skips the code: " + afterPassword);
    }
}

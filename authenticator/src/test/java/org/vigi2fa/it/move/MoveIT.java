package org.vigi2fa.it.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.RecoverySeed;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.UnusedCodes;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "I have a new phone": kc_action vigi-2fa-move with the password and the old phone's code (or a recovery code), then
 * the new phone's code. The same authenticator gets the new key: the old phone's codes stop, the new one's work, and
 * its name, creation date and the recovery codes stay; one mail, one event, one activity row.
 */
@VigiTest
class MoveIT {

    @Test
    void theOldPhoneWorksBeforeAndIsRefusedAfterTheNewOneWorksAfter(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move");
        String userId = enrolled.user().id();
        RecoverySeed.give(env, userId, 3);
        CredentialRepresentation before = env.otpCredentials(userId).get(0);
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, oldPhone.next());

        OAuth.AuthRequest request = MoveSupport.request(signedIn);
        Page scan = MoveSupport.toScan(signedIn, request, enrolled.user(), oldPhone.next());
        UnusedCodes newPhone = new UnusedCodes(MoveSupport.newPhone(scan));
        Page end = MoveSupport.newCode(signedIn.browser(), scan, newPhone.next());
        MoveSupport.assertBackAtApp(end, request, "success");
        Grants.issued(Flows.tokens(signedIn.oauth(), request, end), "the session that moved goes on");

        List<CredentialRepresentation> after = env.otpCredentials(userId);
        assertEquals(1, after.size(), "still one authenticator, never two");
        assertEquals(before.getId(), after.get(0).getId(), "the same credential");
        assertEquals(before.getUserLabel(), after.get(0).getUserLabel(), "its name stays");
        assertEquals(before.getCreatedDate(), after.get(0).getCreatedDate(), "\"on since\" stays");
        assertEquals(1, RecoverySeed.stored(env, userId).size(), "the recovery codes stay");

        assertFalse(MoveSupport.codeSignsIn(env, enrolled.user(), oldPhone.next()), "an unused code of the old phone is refused");
        assertTrue(MoveSupport.codeSignsIn(env, enrolled.user(), newPhone.next()), "the new phone signs in");

        assertEquals(1, env.inbox().to(enrolled.user().email(), MoveSupport.MAIL_SUBJECT).size(), "one mail");
        assertTrue(env.inbox().to(enrolled.user().email(), MoveSupport.MAIL_SUBJECT).get(0).reportLink().isPresent(),
                "\"This wasn't me\" link");
        List<EventRepresentation> moved = MoveSupport.events(env, userId, "UPDATE_CREDENTIAL", "moved");
        assertEquals(1, moved.size(), "one event");
        assertEquals(before.getId(), moved.get(0).getDetails().get("credential_id"));
        assertEquals(1, Collections.frequency(MoveSupport.activityKinds(env, userId), "moved"), "one activity row");
        Page activity = signedIn.startAction("vigi-2fa-activity");
        assertTrue(activity.text().contains("Two-factor authentication moved to a new phone"), "the user's activity page: " + activity.text());
    }

    @Test
    void aRecoveryCodeStandsInForTheLostOldPhone(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-recovery");
        String userId = enrolled.user().id();
        // enough codes that one used leaves no "few codes left" reminder after the next sign-in
        RecoverySeed recovery = RecoverySeed.give(env, userId, 10);
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, oldPhone.next());

        OAuth.AuthRequest request = MoveSupport.request(signedIn);
        String typed = recovery.codes().get(0).toLowerCase().substring(0, 6) + " " + recovery.codes().get(0).substring(6);
        Page scan = MoveSupport.toScan(signedIn, request, enrolled.user(), typed);
        UnusedCodes newPhone = new UnusedCodes(MoveSupport.newPhone(scan));
        MoveSupport.assertBackAtApp(MoveSupport.newCode(signedIn.browser(), scan, newPhone.next()), request, "success");

        assertFalse(MoveSupport.codeSignsIn(env, enrolled.user(), oldPhone.next()), "the old phone is refused");
        assertTrue(MoveSupport.codeSignsIn(env, enrolled.user(), newPhone.next()), "the new phone signs in");
        assertEquals(1, MoveSupport.events(env, userId, "UPDATE_CREDENTIAL", "moved").size());
        assertEquals(1, RecoverySeed.stored(env, userId).size(), "the other recovery codes stay");
    }
}

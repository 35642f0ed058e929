package org.vigi2fa.it.lostphone;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.lostphone.LostPhoneSupport.turnOffByLink;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Turning 2FA off by link signs the user out everywhere: refresh, access and offline tokens obtained before die. */
@VigiTest
class LostPhoneRevocationIT {

    @Test
    void tokensObtainedBeforeTheRemovalAreRevoked(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("revoke");
        SignedIn app = SignedIn.offlineWithCode(env, enrolled, VigiClient.VIGI_APP, enrolled.totp().now());
        SignedIn pc = SignedIn.withCode(env, enrolled, VigiClient.PC_CLIENT, enrolled.totp().now(1));
        OAuth oauth = app.oauth();
        // App tokens carry the vms-local audience, so the confidential vms-local may introspect them.
        assertTrue(app.accessTokenActiveFor(VigiClient.VMS_LOCAL), "active before");

        turnOffByLink(env, enrolled);

        app.assertSignedOut("offline token dead");
        pc.assertSignedOut("refresh token dead");
        assertFalse(app.accessTokenActiveFor(VigiClient.VMS_LOCAL),
                "App access token inactive");
        assertFalse(pc.accessTokenActiveFor(VigiClient.VMS_CLOUD),
                "PC client access token inactive");
        assertTrue(env.realm().users().get(enrolled.user().id()).getOfflineSessions(
                env.realm().clients().findByClientId("vigi-app").get(0).getId()).isEmpty(), "no offline session left");
    }

    @Test
    void signOutEverywhereCanBeTurnedOff(VigiEnvironment env) {
        Map<String, String> previous = VigiSettings.change(env, Map.of("signOutEverywhere", "false"));
        try {
            EnrolledUser enrolled = env.newUserWithOtp("keepsessions");
            SignedIn pc = SignedIn.withCode(env, enrolled, VigiClient.PC_CLIENT);

            turnOffByLink(env, enrolled);

            pc.assertStillSignedIn("sessions kept when the setting is off");
        } finally {
            VigiSettings.restore(env, previous);
        }
    }
}

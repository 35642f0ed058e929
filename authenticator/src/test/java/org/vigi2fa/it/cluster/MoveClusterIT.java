package org.vigi2fa.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.cluster.ClusterSteps.A;
import static org.vigi2fa.it.cluster.ClusterSteps.B;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.UnusedCodes;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** A move to a new phone on one node: the other node refuses the old phone's code at once and takes the new one's. */
@VigiTest
class MoveClusterIT {

    @BeforeEach
    void twoNodes(VigiEnvironment env) {
        ClusterSteps.requireTwoNodes(env);
    }

    @Test
    void aMoveOnARefusesTheOldCodeOnB(VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("clustermove");
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        WebSession onA = env.browserOn(A);
        OAuth.AuthRequest move = ClusterSteps.request(env, VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-move");
        Page prove = Flows.code(onA, Flows.codePage(onA, move, enrolled.user()), oldPhone.next());
        Flows.assertPage(prove, "login-vigi-2fa-move-prove");
        Page scan = onA.submit(prove.form("#vigi-move-prove-form"),
                Map.of("password", enrolled.user().password(), "proof", oldPhone.next()));
        Flows.assertPage(scan, "login-vigi-2fa-move-scan");
        UnusedCodes newPhone = new UnusedCodes(ClusterSteps.secretOf(scan));
        Page end = onA.submit(scan.form("#vigi-move-scan-form"), Map.of("otp", newPhone.next()));
        assertTrue(end.isRedirect(), end + " " + end.text());
        assertEquals("success", end.redirectParams().get("kc_action_status"), end.redirect());

        WebSession onB = env.browserOn(B);
        Page refused = Flows.code(onB, Flows.codePage(onB, ClusterSteps.request(env, VigiClient.VMS_CLOUD), enrolled.user()), oldPhone.next());
        assertFalse(refused.isRedirect(), "B refuses the old phone's code: " + refused);
        Flows.assertPage(refused, ClusterSteps.CODE_PAGE);
        WebSession again = env.browserOn(B);
        Page signedIn = Flows.code(again, Flows.codePage(again, ClusterSteps.request(env, VigiClient.VMS_CLOUD), enrolled.user()), newPhone.next());
        assertTrue(signedIn.isRedirect(), "B takes the new phone's code: " + signedIn + " " + signedIn.text());
    }
}

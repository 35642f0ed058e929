package org.vigi2fa.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.cluster.ClusterSteps.A;
import static org.vigi2fa.it.cluster.ClusterSteps.B;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;
import org.vigi2fa.testing.server.ClusterNodes;

/**
 * Node B dies (SIGKILL) with an enrolment and a lost-phone confirm half done on it; node A finishes both or fails
 * them cleanly. Never a credential without a verified code, never a removal without a confirmed link, never a 5xx.
 * B is started again afterwards, so the tests after this one have two nodes.
 */
@VigiTest
class ClusterNodeLossIT {

    @BeforeEach
    void twoNodes(VigiEnvironment env) {
        ClusterSteps.requireTwoNodes(env);
    }

    @Test
    void whenBDiesMidEnrolmentAndMidConfirmAFinishesOrFailsCleanly(VigiEnvironment env) {
        ClusterNodes cluster = env.cluster().orElseThrow();
        // an enrolment on B up to the QR code: the secret lives only in B's authentication session (and its cluster copy)
        TestUser enrolling = env.newUser("clusterkillenrol");
        OAuth.AuthRequest enable = ClusterSteps.request(env, VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-enable");
        WebSession enrolBrowser = env.browserOn(B);
        Page scan = ClusterSteps.toScanPage(enrolBrowser, enable, enrolling);
        Totp phone = ClusterSteps.secretOf(scan);
        // a lost-phone link requested on B and opened there, not yet confirmed
        EnrolledUser losing = env.newUserWithOtp("clusterkilllost");
        WebSession lostBrowser = env.browserOn(B);
        Page codePage = Flows.codePage(lostBrowser, ClusterSteps.request(env, VigiClient.VMS_CLOUD), losing.user());
        Flows.assertPage(LostPhoneSupport.clickLostPhone(lostBrowser, codePage), "login-vigi-2fa-lost-sent");
        Page confirm = lostBrowser.get(env.inbox().latestActionLink(losing.user().email()));
        Flows.assertPage(confirm, "login-vigi-2fa-lost-confirm");

        cluster.kill(B);
        try {
            enrolBrowser.via(env.nodes().get(A));
            lostBrowser.via(env.nodes().get(A));
            assertTrue(otp(env, enrolling).isEmpty(), "no credential before a code");
            assertEquals(1, otp(env, losing.user()).size(), "no removal before the confirm");

            Page wrong = ClusterSteps.submitScanCode(enrolBrowser, scan, phone.wrongNow());
            assertTrue(wrong.status() < 500 && !wrong.isRedirect(), "A answers a wrong code cleanly: " + wrong);
            assertTrue(otp(env, enrolling).isEmpty(), "a wrong code stores nothing");
            Page afterWrong = "login-vigi-2fa-enable-scan".equals(wrong.pageId()) ? wrong : scan;
            Totp.awayFromPeriodEdge();
            Page enrolled = ClusterSteps.submitScanCode(enrolBrowser, afterWrong, phone.now());
            assertTrue(enrolled.status() < 500, "A finishes or fails the enrolment cleanly: " + enrolled);
            List<CredentialRepresentation> stored = otp(env, enrolling);
            if (enrolled.isRedirect() && "success".equals(enrolled.redirectParams().get("kc_action_status"))) {
                assertEquals(1, stored.size(), "A finished B's enrolment: one authenticator");
                assertSignsInOnA(env, enrolling, phone);
            } else {
                assertTrue(stored.isEmpty(), "a failed enrolment leaves nothing: " + enrolled + " " + enrolled.text());
            }

            Page done = lostBrowser.submit(confirm.form("#vigi-lost-confirm-form"), Map.of());
            assertTrue(done.status() < 500, "A finishes or fails the confirm cleanly: " + done);
            if ("login-vigi-2fa-lost-done".equals(done.pageId())) {
                assertTrue(otp(env, losing.user()).isEmpty(), "A finished B's confirm: removed");
                Page reused = env.browserOn(A).get(env.inbox().latestActionLink(losing.user().email()));
                assertEquals(400, reused.status(), "and the link is dead: " + reused);
            } else {
                assertEquals(1, otp(env, losing.user()).size(), "a failed confirm removes nothing: " + done + " " + done.text());
            }

            // the survivor alone still runs the whole lost-phone path: its single-use store works without B
            EnrolledUser later = env.newUserWithOtp("clusterkillafter");
            WebSession onA = env.browserOn(A);
            Page laterCode = Flows.codePage(onA, ClusterSteps.request(env, VigiClient.VMS_CLOUD), later.user());
            Flows.assertPage(LostPhoneSupport.clickLostPhone(onA, laterCode), "login-vigi-2fa-lost-sent");
            Page laterConfirm = onA.get(env.inbox().latestActionLink(later.user().email()));
            Flows.assertPage(onA.submit(laterConfirm.form("#vigi-lost-confirm-form"), Map.of()), "login-vigi-2fa-lost-done");
            assertTrue(otp(env, later.user()).isEmpty(), "A alone removed the authenticator");
        } finally {
            cluster.restart(B);
        }
        assertEquals(2, cluster.viewSize(B), "B is back in the cluster");
    }

    private static void assertSignsInOnA(VigiEnvironment env, TestUser user, Totp phone) {
        OAuth.AuthRequest signIn = ClusterSteps.request(env, VigiClient.VMS_CLOUD);
        WebSession browser = env.browserOn(A);
        Page code = Flows.codePage(browser, signIn, user);
        assertEquals(200, Flows.tokens(env.oauthOn(A), signIn, Flows.code(browser, code, phone.now(1))).get("status").asInt(),
                "the stored authenticator is the one on the phone");
    }

    private static List<CredentialRepresentation> otp(VigiEnvironment env, TestUser user) {
        return env.otpCredentials(user.id());
    }
}

package org.vigi2fa.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.cluster.ClusterSteps.A;
import static org.vigi2fa.it.cluster.ClusterSteps.B;
import static org.vigi2fa.it.cluster.ClusterSteps.INVALID_CODE;
import static org.vigi2fa.testing.Flows.assertRefused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * Brute-force protection and the lost-phone request cooldown count per user for the whole cluster: Keycloak's
 * login-failure records live in a clustered cache, the cooldown in the clustered single-use store.
 */
@VigiTest
class ClusterLockoutIT {

    @BeforeEach
    void twoNodes(VigiEnvironment env) {
        ClusterSteps.requireTwoNodes(env);
    }

    @Test
    void failuresOnAAndBAddUpAndTheLockHoldsOnBothWithTheSameMessage(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("clusterlock");
        String userId = enrolled.user().id();
        // seven browsers, alternating nodes: five wrong codes, then a right code on each node while locked
        List<WebSession> browsers = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            WebSession browser = env.browserOn(ClusterSteps.node(i));
            browsers.add(browser);
            pages.add(Flows.codePage(browser, ClusterSteps.request(env, VigiClient.VMS_CLOUD), enrolled.user()));
        }
        String wrong = enrolled.totp().wrongNow();
        try (Keycloak adminOnA = env.adminOn(A); Keycloak adminOnB = env.adminOn(B)) {
            int offset = 0;
            for (int i = 0; i < 5; i++) {
                // failures spread with Keycloak's clock (on both nodes), so the quick-login rule is not what locks
                offset += 3;
                env.moveClock(offset);
                BruteForce.nextAttempt();
                assertFalse(BruteForce.on(adminOnA, userId).locked(), "not locked before failure " + (i + 1));
                assertRefused(Flows.code(browsers.get(i), pages.get(i), wrong), INVALID_CODE);
                int expected = i + 1;
                // the failure sent to one node is counted where the other node reads it
                Keycloak otherNode = ClusterSteps.node(i) == A ? adminOnB : adminOnA;
                BruteForce.on(otherNode, userId).awaitFailures(expected);
            }
            for (Keycloak admin : List.of(adminOnA, adminOnB)) {
                Map<String, Object> status = BruteForce.on(admin, userId).awaitLocked();
                assertEquals(5, BruteForce.failures(status), status.toString());
            }

            Page rightOnB = Flows.code(browsers.get(5), pages.get(5), enrolled.totp().now());
            Page rightOnA = Flows.code(browsers.get(6), pages.get(6), enrolled.totp().now());
            assertRefused(rightOnA, INVALID_CODE);
            assertRefused(rightOnB, INVALID_CODE);
            assertEquals(rightOnA.pageId(), rightOnB.pageId(), "locked: the same page on both nodes");
            assertEquals(rightOnA.messages(), rightOnB.messages(), "locked: the same message on both nodes");
            assertEquals(5, BruteForce.on(adminOnB, userId).failures(), "attempts while locked are not counted again");
        } finally {
            env.moveClock(0);
        }
    }

    @Test
    void aLinkRequestedOnAHoldsTheCooldownOnB(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("clustercooldown");
        WebSession onA = env.browserOn(A);
        WebSession onB = env.browserOn(B);
        Page codeOnA = Flows.codePage(onA, ClusterSteps.request(env, VigiClient.VMS_CLOUD), enrolled.user());
        Page codeOnB = Flows.codePage(onB, ClusterSteps.request(env, VigiClient.VIGI_APP), enrolled.user());

        Flows.assertPage(LostPhoneSupport.clickLostPhone(onA, codeOnA), "login-vigi-2fa-lost-sent");
        BruteForce.nextAttempt();
        Page refused = LostPhoneSupport.clickLostPhone(onB, codeOnB);
        Flows.assertPage(refused, ClusterSteps.CODE_PAGE);
        assertTrue(refused.document().select("[role=alert]").text().contains("A link was sent recently"),
                "B knows A sent a link a moment ago: " + refused.text());
        assertEquals(1, env.inbox().to(enrolled.user().email(), "Turn off two-factor authentication").size(),
                "one mail for both nodes");
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size());
    }
}

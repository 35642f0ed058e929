package org.vigi2fa.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.cluster.ClusterSteps.A;
import static org.vigi2fa.it.cluster.ClusterSteps.B;
import static org.vigi2fa.it.cluster.ClusterSteps.INVALID_CODE;
import static org.vigi2fa.testing.Flows.assertRefused;
import static org.vigi2fa.testing.Flows.codePage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Turning 2FA on and using a code: one credential and one use of each code for the whole cluster. */
@VigiTest
class ClusterCodeIT {

    private static final int PARALLEL = 20;

    @BeforeEach
    void twoNodes(VigiEnvironment env) {
        ClusterSteps.requireTwoNodes(env);
    }

    @Test
    void enrolOnAThenSignInOnBWithTheCode(VigiEnvironment env) {
        TestUser user = env.newUser("clusterenrol");
        OAuth.AuthRequest enable = ClusterSteps.request(env, VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-enable");
        WebSession onA = env.browserOn(A);
        Page scan = ClusterSteps.toScanPage(onA, enable, user);
        Totp phone = ClusterSteps.secretOf(scan);
        Totp.awayFromPeriodEdge();
        Page enrolled = ClusterSteps.submitScanCode(onA, scan, phone.now());
        assertTrue(enrolled.isRedirect(), "back at the application: " + enrolled + " " + enrolled.text());
        assertEquals("success", enrolled.redirectParams().get("kc_action_status"), enrolled.redirect());
        assertEquals(1, env.otpCredentials(user.id()).size(), "one authenticator stored");

        OAuth.AuthRequest signIn = ClusterSteps.request(env, VigiClient.VIGI_APP);
        WebSession onB = env.browserOn(B);
        Page code = codePage(onB, signIn, user);
        Grants.issued(Flows.tokens(env.oauthOn(B), signIn, Flows.code(onB, code, phone.now(1))), "B accepts the authenticator A stored");
    }

    @Test
    void aCodeUsedOnAIsRefusedOnB(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("clusterreplay");
        OAuth.AuthRequest first = ClusterSteps.request(env, VigiClient.VMS_CLOUD);
        OAuth.AuthRequest second = ClusterSteps.request(env, VigiClient.VMS_LOCAL);
        WebSession onA = env.browserOn(A);
        WebSession onB = env.browserOn(B);
        Page firstCode = codePage(onA, first, enrolled.user());
        Page secondCode = codePage(onB, second, enrolled.user());
        Totp.awayFromPeriodEdge();
        String code = enrolled.totp().now();

        Grants.issued(Flows.tokens(env.oauthOn(A), first, Flows.code(onA, firstCode, code)));
        BruteForce.nextAttempt();
        assertRefused(Flows.code(onB, secondCode, code), INVALID_CODE);
    }

    @Test
    void twentyParallelSubmitsOfOneCodeSplitAcrossNodesSignInExactlyOnce(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("clusterparallel");
        List<WebSession> browsers = new ArrayList<>();
        List<OAuth.AuthRequest> requests = new ArrayList<>();
        List<Page> codePages = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            WebSession browser = env.browserOn(ClusterSteps.node(i));
            OAuth.AuthRequest request = ClusterSteps.request(env, VigiClient.VMS_CLOUD);
            browsers.add(browser);
            requests.add(request);
            codePages.add(codePage(browser, request, enrolled.user()));
        }
        Totp.awayFromPeriodEdge();
        String code = enrolled.totp().now();
        List<Callable<Page>> submits = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            int n = i;
            submits.add(() -> Flows.code(browsers.get(n), codePages.get(n), code));
        }
        List<Page> answers = ClusterSteps.inParallel(submits);

        int signedIn = 0;
        for (int i = 0; i < PARALLEL; i++) {
            Page page = answers.get(i);
            if (page.isRedirect()) {
                signedIn++;
                Grants.issued(Flows.tokens(env.oauthOn(ClusterSteps.node(i)), requests.get(i), page));
            } else {
                assertRefused(page, INVALID_CODE);
            }
        }
        assertEquals(1, signedIn, "one code, one sign-in across both nodes");
    }
}

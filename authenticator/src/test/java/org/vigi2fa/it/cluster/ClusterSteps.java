package org.vigi2fa.it.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jsoup.nodes.Element;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Steps the cluster tests share: which node a request goes to, the turn-on pages, parallel posts. */
final class ClusterSteps {

    static final int A = 0;
    static final int B = 1;
    static final String CODE_PAGE = "login-vigi-2fa-code";
    static final String INVALID_CODE = "That code is not correct or was already used.";

    private ClusterSteps() {
    }

    /** Skips (with the reason) unless the server is a cluster of at least two nodes. */
    static void requireTwoNodes(VigiEnvironment env) {
        assumeTrue(env.nodes().size() >= 2, "needs two Keycloak nodes: run with -Dvigi.server=cluster");
    }

    /** Node A for even numbers, node B for odd ones: how a round-robin balancer spreads requests. */
    static int node(int i) {
        return i % 2 == 0 ? A : B;
    }

    /** Turn-on pages (kc_action=vigi-2fa-enable from vms-cloud): sign-in, confirm, password; returns the scan page. */
    static Page toScanPage(WebSession browser, OAuth.AuthRequest enable, TestUser user) {
        Page confirm = Flows.passwordStep(browser, enable, user);
        Flows.assertPage(confirm, "login-vigi-2fa-enable-confirm");
        Page password = browser.submit(confirm.form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
        Flows.assertPage(password, "login-vigi-2fa-enable-password");
        Page scan = browser.submit(password.form("#vigi-password-form"), Map.of("password", user.password()));
        Flows.assertPage(scan, "login-vigi-2fa-enable-scan");
        return scan;
    }

    /** The code generator of the secret the scan page shows for manual entry. */
    static Totp secretOf(Page scan) {
        Element secret = scan.document().selectFirst("#vigi-secret");
        assertTrue(secret != null, "no #vigi-secret on " + scan);
        return Totp.ofBase32(secret.text().replace(" ", ""));
    }

    static Page submitScanCode(WebSession browser, Page scan, String code) {
        return browser.submit(scan.form("#vigi-scan-form"), Map.of("otp", code));
    }

    /** Runs the calls at the same moment (one thread each) and returns their answers in order; each must be below 500. */
    static List<Page> inParallel(List<Callable<Page>> calls) throws Exception {
        return org.vigi2fa.testing.Parallel.atOnce(calls);
    }

    static OAuth.AuthRequest request(VigiEnvironment env, VigiClient client, String... extra) {
        return new OAuth(env.realmUrl()).authRequest(client, extra);
    }
}

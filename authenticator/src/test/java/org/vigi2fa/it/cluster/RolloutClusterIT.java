package org.vigi2fa.it.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.cluster.ClusterSteps.A;
import static org.vigi2fa.it.cluster.ClusterSteps.B;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/** The rollout's postponements are the user's, not a node's: one spent on A is gone on B, and the last one forces on A. */
@VigiTest
class RolloutClusterIT {

    private static final String ACTION = "vigi-2fa-rollout";
    private static final String PAGE = "login-vigi-2fa-rollout";

    @Test
    void postponementsCountAcrossNodes(VigiEnvironment env) {
        ClusterSteps.requireTwoNodes(env);
        TestUser user = env.newUser("rollout-cluster");
        Map<String, String> before = env.realm().flows().getRequiredActionConfig(ACTION).getConfig();
        setPolicy(env, Map.of("clients", VigiClient.VMS_CLOUD.clientId, "postponements", "2"));
        try {
            postpone(env, A, user, "(2 left)");
            postpone(env, B, user, "(1 left)");
            WebSession last = env.browserOn(A);
            Flows.assertPage(Flows.passwordStep(last, ClusterSteps.request(env, VigiClient.VMS_CLOUD), user),
                    "login-vigi-2fa-enable-confirm");
        } finally {
            setPolicy(env, before == null ? Map.of() : before);
        }
    }

    private static void postpone(VigiEnvironment env, int node, TestUser user, String left) {
        WebSession browser = env.browserOn(node);
        Page asked = Flows.passwordStep(browser, ClusterSteps.request(env, VigiClient.VMS_CLOUD), user);
        Flows.assertPage(asked, PAGE);
        assertTrue(asked.document().selectFirst("#vigi-rollout-later").text().contains(left), node + ": " + asked.text());
        Page back = browser.submit(asked.form("#vigi-rollout-form"), Map.of("later", "true"));
        assertTrue(back.isRedirect(), node + ": back to the application " + back);
    }

    private static void setPolicy(VigiEnvironment env, Map<String, String> config) {
        RequiredActionConfigRepresentation rep = new RequiredActionConfigRepresentation();
        rep.setConfig(new java.util.HashMap<>(config));
        env.realm().flows().updateRequiredActionConfig(ACTION, rep);
    }
}

package org.vigi2fa.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.cluster.ClusterSteps.A;
import static org.vigi2fa.it.cluster.ClusterSteps.B;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserSessionRepresentation;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;
import org.vigi2fa.testing.server.ClusterNodes;

/** The two nodes are one cluster: one view of two members, shared sessions, one public hostname. */
@VigiTest
class ClusterFormationIT {

    @BeforeEach
    void twoNodes(VigiEnvironment env) {
        ClusterSteps.requireTwoNodes(env);
    }

    @Test
    void eachNodesLogShowsAClusterViewOfTwoMembers(VigiEnvironment env) {
        ClusterNodes cluster = env.cluster().orElseThrow();
        assertEquals(2, cluster.viewSize(A), "node A's cluster view; see " + cluster.log(A));
        assertEquals(2, cluster.viewSize(B), "node B's cluster view; see " + cluster.log(B));
        assertNotEquals(env.nodes().get(A), env.nodes().get(B), "two nodes, two addresses");
    }

    @Test
    void aSessionCreatedOnAIsListedByTheAdminApiOfB(VigiEnvironment env) {
        TestUser user = env.newUser("clustersso");
        OAuth.AuthRequest request = ClusterSteps.request(env, VigiClient.VMS_CLOUD);
        JsonNode tokens = Grants.issued(Flows.signInWithPassword(env.oauthOn(A), env.browserOn(A), request, user));
        String sid = OAuth.claims(tokens.get("access_token").asText()).get("sid").asText();

        try (Keycloak adminOnB = env.adminOn(B)) {
            List<UserSessionRepresentation> sessions = adminOnB.realm(VigiEnvironment.REALM).users().get(user.id()).getUserSessions();
            assertEquals(List.of(sid), sessions.stream().map(UserSessionRepresentation::getId).toList(), "B lists A's session");
        }
        Grants.issued(env.oauthOn(B).refresh(VigiClient.VMS_CLOUD, tokens.get("refresh_token").asText()), "B refreshes A's token");
    }

    /** Authentication sessions live only in the clustered cache (never in the database): B finishing A's login proves it. */
    @Test
    void aLoginStartedOnAFinishesOnBWithTheSameIssuer(VigiEnvironment env) {
        TestUser user = env.newUser("clusterauth");
        OAuth.AuthRequest request = ClusterSteps.request(env, VigiClient.VMS_CLOUD);
        WebSession browser = env.browserOn(A);
        Page login = browser.get(request.url());
        Flows.assertPage(login, "login-login");
        assertTrue(login.form("#kc-form-login").attr("action").startsWith(env.realmUrl()), "form action names the public URL");

        browser.via(env.nodes().get(B));
        Page end = Flows.password(browser, login, user.username(), user.password());
        assertTrue(end.isRedirect(), "B finished the login A started: " + end + " " + end.text());
        Map<String, String> params = end.redirectParams();
        assertEquals(env.realmUrl(), params.get("iss"), "the same issuer whichever node answers");
        JsonNode tokens = Grants.issued(Flows.tokens(env.oauthOn(A), request, end), "A redeems the code B issued");
        assertEquals(env.realmUrl(), OAuth.claims(tokens.get("access_token").asText()).get("iss").asText());
    }
}

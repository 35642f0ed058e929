package org.vigi2fa.it.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * compose.cluster.yml as deployed (.ci/containers/cluster up; -Dvigi.server=remote at its balancer): a sign-in with the
 * code through the round-robin balancer succeeds and was served by both nodes, as each node's own request counts on
 * its management port say (read inside its container: the nodes publish no port).
 */
@VigiTest
@EnabledIfSystemProperty(named = "vigi.cluster.nodes", matches = ".+,.+",
        disabledReason = "needs the two node containers of compose.cluster.yml (-Dvigi.cluster.nodes=<id a>,<id b>)")
class ClusterDeploymentIT {

    /** Counts every request of a sign-in: the authorization endpoint, the login forms, the token endpoint. */
    private static final List<String> SIGN_IN_URIS = List.of("/realms/{realm}/protocol/openid-connect/auth",
            "/realms/{realm}/login-actions/authenticate", "/realms/{realm}/protocol/openid-connect/token");

    @Test
    void aSignInThroughTheBalancerIsServedByBothNodes(VigiEnvironment env) throws Exception {
        List<String> nodes = List.of(System.getProperty("vigi.cluster.nodes").split(","));
        assertEquals(2, nodes.size(), nodes.toString());
        EnrolledUser enrolled = env.newUserWithOtp("lb");
        Totp.awayFromPeriodEdge();
        long[] before = {signInRequests(nodes.get(0)), signInRequests(nodes.get(1))};

        OAuth oauth = new OAuth(env.realmUrl());
        Grants.issued(Flows.signInWithCode(oauth, new WebSession(env.baseUrl()), oauth.authRequest(VigiClient.VMS_CLOUD),
                enrolled.user(), enrolled.totp().now()), "signed in with the code through the balancer");

        long[] after = {signInRequests(nodes.get(0)), signInRequests(nodes.get(1))};
        assertTrue(after[0] > before[0] && after[1] > before[1], "both nodes served the sign-in: node a "
                + before[0] + " -> " + after[0] + ", node b " + before[1] + " -> " + after[1]);
    }

    /** The node's count of sign-in requests, from Keycloak's metrics on its management port inside the container. */
    private static long signInRequests(String container) throws IOException, InterruptedException {
        String metrics = inside(container, "exec 3<>/dev/tcp/127.0.0.1/9000 && printf 'GET /metrics HTTP/1.1\\r\\n"
                + "Host: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && cat <&3");
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "metrics of " + container + ": "
                + metrics.substring(0, Math.min(300, metrics.length())));
        return metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> SIGN_IN_URIS.stream().anyMatch(uri -> line.contains("uri=\"" + uri + "\"")))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static String inside(String container, String script) throws IOException, InterruptedException {
        Process podman = new ProcessBuilder("podman", "exec", container, "bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(podman.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(podman.waitFor(60, TimeUnit.SECONDS), "podman exec " + container + " ended");
        assertEquals(0, podman.exitValue(), "podman exec " + container + ": " + output);
        return output;
    }
}

package org.vigi2fa.it.disable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.vigi2fa.testing.VigiEnvironment;

/** Account REST calls and brute-force checks for the disable tests. */
final class DisableSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DisableSupport() {
    }

    /** Waits (bounded) until Keycloak's asynchronous brute-force bookkeeping shows at least this many failures. */
    static void awaitFailures(VigiEnvironment env, String userId, int expected) throws InterruptedException {
        int failures = 0;
        for (int i = 0; i < 50; i++) {
            Object value = env.realm().attackDetection().bruteForceUserStatus(userId).get("numFailures");
            failures = value == null ? 0 : ((Number) value).intValue();
            if (failures >= expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("brute-force failures: expected " + expected + " but saw " + failures);
    }

    /** An account REST call with the bearer token; returns status and body. */
    static HttpResponse<String> account(VigiEnvironment env, String method, String path, String accessToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(env.realmUrl() + "/account" + path))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}

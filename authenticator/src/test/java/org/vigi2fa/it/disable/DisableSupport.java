package org.vigi2fa.it.disable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.vigi2fa.testing.VigiEnvironment;

/** Account REST calls for the disable tests. */
public final class DisableSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DisableSupport() {
    }

    /** An account REST call with the bearer token; returns status and body. */
    public static HttpResponse<String> account(VigiEnvironment env, String method, String path, String accessToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(env.realmUrl() + "/account" + path))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}

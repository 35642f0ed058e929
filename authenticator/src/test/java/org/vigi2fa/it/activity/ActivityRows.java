package org.vigi2fa.it.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vigi2fa.testing.VigiEnvironment;

/** A user's rows of the security-activity table, newest first, read through the test-support endpoint. */
public final class ActivityRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ActivityRows() {
    }

    static List<JsonNode> of(VigiEnvironment env, String userId) {
        HttpResponse<String> response = send(env, HttpRequest.newBuilder(URI.create(env.realmUrl() + "/vigi-test-activity/users/" + userId)).GET());
        try {
            List<JsonNode> rows = new java.util.ArrayList<>();
            JSON.readTree(response.body()).forEach(rows::add);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(response.body(), e);
        }
    }

    public static List<JsonNode> ofKind(VigiEnvironment env, String userId, String kind) {
        return of(env, userId).stream().filter(row -> kind.equals(row.path("kind").asText())).toList();
    }

    /** Runs the retention task now, on the node the tests talk to. */
    static void runRetention(VigiEnvironment env) {
        HttpResponse<String> response = send(env, HttpRequest.newBuilder(URI.create(env.realmUrl() + "/vigi-test-activity/retention"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("retention task: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static HttpResponse<String> send(VigiEnvironment env, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("test-support activity endpoint: HTTP " + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

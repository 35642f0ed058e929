package org.vigi2fa.it.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The administrators' read of a user's activity, /realms/vigi/vigi-2fa-activity/users/{id}: a master-realm
 * administrator gets the rows, newest first and paged; no token is 401; a user's own token is 403, also for the user's
 * own rows (the user's way is the page).
 */
@VigiTest
class ActivityAdminApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAdministratorReadsTheRowsAndNobodyElseDoes(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("admin-api");
        SignedIn first = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        SignedIn.withCode(env, enrolled, VigiClient.VMS_LOCAL, enrolled.totp().now(-1));
        String url = env.realmUrl() + "/vigi-2fa-activity/users/" + enrolled.user().id();

        HttpResponse<String> asAdmin = get(url, env.admin().tokenManager().getAccessTokenString());
        assertEquals(200, asAdmin.statusCode(), asAdmin.body());
        JsonNode rows = json(asAdmin.body());
        assertEquals(2, rows.size(), asAdmin.body());
        assertEquals(VigiClient.VMS_LOCAL.clientId, rows.get(0).path("clientId").asText(), "newest first");
        assertEquals("sign-in-code", rows.get(1).path("kind").asText());

        JsonNode paged = json(get(url + "?first=1&max=1", env.admin().tokenManager().getAccessTokenString()).body());
        assertEquals(1, paged.size());
        assertEquals(VigiClient.VMS_CLOUD.clientId, paged.get(0).path("clientId").asText());

        assertEquals(401, get(url, null).statusCode(), "no token");
        assertEquals(401, get(url, "not-a-token").statusCode(), "a token that is none");
        HttpResponse<String> asUser = get(url, first.accessToken());
        assertEquals(403, asUser.statusCode(), "the user's own token: " + asUser.body());
        assertTrue(!asUser.body().contains(VigiClient.VMS_CLOUD.clientId), asUser.body());

        assertEquals(404, get(env.realmUrl() + "/vigi-2fa-activity/users/no-such-user", env.admin().tokenManager().getAccessTokenString())
                .statusCode());
    }

    private static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }
}

package org.vigi2fa.it.integration.introspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The {@code aud} of each VIGI application's access token is exactly what docs/tokens.md lists: only the services
 * that must accept it, never Keycloak's {@code account} API.
 */
@VigiTest
class TokenAudienceIT {

    private static final Map<VigiClient, Set<String>> AUDIENCE = Map.of(
            VigiClient.VMS_CLOUD, Set.of("vms-cloud"),
            VigiClient.VMS_LOCAL, Set.of("vms-local"),
            VigiClient.VIGI_APP, Set.of("vms-local"),
            VigiClient.PC_CLIENT, Set.of(),
            VigiClient.CONFIG_TOOL, Set.of());

    @ParameterizedTest
    @EnumSource(value = VigiClient.class, names = {"VMS_CLOUD", "VMS_LOCAL", "VIGI_APP", "PC_CLIENT"})
    void accessTokenCarriesOnlyItsAudience(VigiClient client, VigiEnvironment env) throws Exception {
        TestUser user = env.newUser("aud");
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(client);
        JsonNode tokens = Grants.issued(Flows.signInWithPassword(oauth, new WebSession(env.baseUrl()), request, user));
        assertAudienceAndNoAccountApi(env, client, tokens.get("access_token").asText());
    }

    @Test
    void configToolTokenCarriesOnlyItsAudience(VigiEnvironment env) throws Exception {
        TestUser user = env.newUser("audtool");
        OAuth oauth = new OAuth(env.realmUrl());
        JsonNode device = oauth.deviceAuthorization(VigiClient.CONFIG_TOOL);
        WebSession browser = new WebSession(env.baseUrl());
        Page consent = Flows.password(browser, browser.get(device.get("verification_uri_complete").asText()), user.username(), user.password());
        Flows.assertPage(consent, "login-login-oauth-grant");
        assertTrue(browser.submit(consent.form("form"), Map.of("accept", "Yes")).status() < 400);
        JsonNode tokens = Grants.issued(oauth.deviceToken(VigiClient.CONFIG_TOOL, device.get("device_code").asText()));
        assertAudienceAndNoAccountApi(env, VigiClient.CONFIG_TOOL, tokens.get("access_token").asText());
    }

    @Test
    void offlineAccessStillWorksWithoutFullScope(VigiEnvironment env) {
        TestUser user = env.newUser("audoffline");
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VIGI_APP, "scope", "openid offline_access");
        JsonNode tokens = Grants.issued(Flows.signInWithPassword(oauth, new WebSession(env.baseUrl()), request, user));
        assertEquals("Offline", OAuth.claims(tokens.get("refresh_token").asText()).get("typ").asText(), tokens.toString());
    }

    private static void assertAudienceAndNoAccountApi(VigiEnvironment env, VigiClient client, String accessToken) throws Exception {
        JsonNode claims = OAuth.claims(accessToken);
        assertEquals(client.clientId, claims.get("azp").asText());
        assertEquals(AUDIENCE.get(client), Grants.audiences(claims), client.clientId + " aud");
        assertTrue(claims.at("/resource_access/account").isMissingNode(),
                client.clientId + " token carries no account roles: " + claims.get("resource_access"));

        HttpResponse<String> account = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(env.realmUrl() + "/account/credentials"))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertFalse(account.statusCode() < 300, client.clientId + " token must not open the account REST API: HTTP " + account.statusCode());
    }
}

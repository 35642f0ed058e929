package org.vigi2fa.testing.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** What a token endpoint answered (OAuth's JSON with the HTTP status added): issued, or refused as invalid_grant. */
public final class Grants {

    private Grants() {
    }

    /** The response, after asserting that it issued tokens (HTTP 200). */
    public static JsonNode issued(JsonNode response) {
        return issued(response, "tokens issued");
    }

    /** The response, after asserting HTTP 200; {@code what} says why they should have been issued. */
    public static JsonNode issued(JsonNode response, String what) {
        assertEquals(200, response.get("status").asInt(), what + ": " + response);
        return response;
    }

    /** Asserts the grant was refused the way a dead refresh token or code is: HTTP 400, invalid_grant. */
    public static void assertInvalidGrant(JsonNode response, String what) {
        assertEquals(400, response.get("status").asInt(), what + ": " + response);
        assertEquals("invalid_grant", response.get("error").asText(), what + ": " + response);
    }

    /** Asserts the access token is the user's and was issued to the client; the App's also reaches VMS Local. */
    public static void assertAccessFor(JsonNode tokens, String username, VigiClient client) {
        JsonNode access = OAuth.claims(tokens.get("access_token").asText());
        assertEquals(username, access.get("preferred_username").asText(), "user of " + access);
        assertEquals(client.clientId, access.get("azp").asText(), "client of " + access);
        if (client == VigiClient.VIGI_APP) {
            assertTrue(audiences(access).contains("vms-local"), "App tokens reach VMS Local: aud=" + access.get("aud"));
        }
    }

    /** The {@code aud} claim as a set (absent: empty; a single string: one element). */
    public static Set<String> audiences(JsonNode claims) {
        Set<String> audiences = new TreeSet<>();
        JsonNode aud = claims.get("aud");
        if (aud != null && aud.isTextual()) {
            audiences.add(aud.asText());
        } else if (aud != null) {
            aud.forEach(a -> audiences.add(a.asText()));
        }
        return audiences;
    }
}

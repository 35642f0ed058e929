package org.vigi2fa.testing.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

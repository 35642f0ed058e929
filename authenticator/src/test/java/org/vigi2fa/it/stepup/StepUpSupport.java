package org.vigi2fa.it.stepup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;

/** Reads amr and acr from the access and ID tokens of a token response and asserts them together. */
final class StepUpSupport {

    static final String NEEDED_PAGE = "login-vigi-2fa-needed";
    static final List<String> PASSWORD = List.of("pwd");
    static final List<String> PASSWORD_AND_CODE = List.of("pwd", "otp");

    private StepUpSupport() {
    }

    /** Both tokens (access and ID) say this amr (in any order) and this acr. */
    static void assertLevel(JsonNode response, List<String> amr, String acr, String what) {
        JsonNode tokens = Grants.issued(response, what);
        for (String kind : List.of("access_token", "id_token")) {
            JsonNode claims = OAuth.claims(tokens.get(kind).asText());
            assertEquals(sorted(amr), sorted(amr(claims)), what + ": amr of the " + kind + " " + claims);
            assertEquals(acr, claims.path("acr").asText(null), what + ": acr of the " + kind + " " + claims);
        }
    }

    static List<String> amr(JsonNode claims) {
        List<String> values = new ArrayList<>();
        claims.path("amr").forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}

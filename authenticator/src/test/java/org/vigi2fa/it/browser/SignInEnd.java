package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;

/** The end of a sign-in in the browser: back at the application with a code that redeems into the user's tokens. */
final class SignInEnd {

    private SignInEnd() {
    }

    /** Waits for the redirect to the client, then redeems its code; fails unless the tokens are the user's. */
    static JsonNode assertBackAtClient(Browser browser, OAuth oauth, OAuth.AuthRequest request, TestUser user) {
        String redirect = request.client().redirectUri;
        browser.awaitUntil("the redirect back to " + redirect, () -> browser.url().startsWith(redirect));
        Map<String, String> params = query(browser.url());
        assertEquals(request.state(), params.get("state"), "state in " + browser.url());
        JsonNode tokens = Grants.issued(oauth.exchange(request, params.get("code")));
        assertEquals(user.username(), OAuth.claims(tokens.get("access_token").asText()).get("preferred_username").asText());
        return tokens;
    }

    static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}

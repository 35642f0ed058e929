package org.vigi2fa.testing.oauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;

/**
 * Keycloak's own account console as a client (public {@code account-console}, PKCE S256, response_mode=query so the
 * answer is readable without JavaScript): its authorization requests, e.g. "Set up authenticator application"
 * ({@code kc_action}), and its access token, the one the account REST API is for. The VIGI applications' tokens carry
 * no {@code account} audience, so they cannot stand in.
 */
public final class AccountConsoleClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String realmUrl;
    private final String verifier = OAuth.randomToken(48);
    private final String state = OAuth.randomToken(12);

    public AccountConsoleClient(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    public String state() {
        return state;
    }

    /** The sign-in the account console starts. */
    public String authUrl() {
        return realmUrl + "/protocol/openid-connect/auth?" + WebSession.encode(params());
    }

    /** The request the console sends for an application-initiated action, e.g. {@code CONFIGURE_TOTP}. */
    public String authUrl(String kcAction) {
        Map<String, String> params = params();
        params.put("nonce", OAuth.randomToken(16));
        params.put("kc_action", kcAction);
        return realmUrl + "/protocol/openid-connect/auth?" + WebSession.encode(params);
    }

    /** Query parameters Keycloak sent the browser back to the console with (the console lives on the same server). */
    public Map<String, String> returned(Page end) {
        String url = end.isRedirect() ? end.redirect() : end.url();
        if (!url.startsWith(redirectUri())) {
            throw new AssertionError("Expected to be back at the account console, got " + end + " " + url + ": " + end.text());
        }
        return WebSession.query(url);
    }

    /** Redeems the code of the page the sign-in ended on; the console's access token. */
    public String redeem(Page end) throws Exception {
        Map<String, String> query = returned(end);
        if (!query.containsKey("code")) {
            throw new AssertionError("Expected the account console with a code, got " + end + " " + query + ": " + end.text());
        }
        if (!state.equals(query.get("state"))) {
            throw new AssertionError("state mismatch in " + query);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", "account-console");
        form.put("code", query.get("code"));
        form.put("redirect_uri", redirectUri());
        form.put("code_verifier", verifier);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebSession.encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("account-console token: HTTP " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", "account-console");
        params.put("redirect_uri", redirectUri());
        params.put("response_type", "code");
        params.put("response_mode", "query");
        params.put("scope", "openid");
        params.put("state", state);
        params.put("code_challenge", OAuth.s256(verifier));
        params.put("code_challenge_method", "S256");
        return params;
    }

    private String redirectUri() {
        return realmUrl + "/account/";
    }
}

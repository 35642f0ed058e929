package org.vigi2fa.it.disable;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;

/**
 * The access token of Keycloak's account console (public client {@code account-console}, PKCE S256): the token the
 * account REST API is for. The VIGI applications' tokens carry no {@code account} audience, so they cannot stand in.
 */
public final class AccountConsoleToken {

    private final String realmUrl;
    private final String verifier = random(48);
    private final String state = random(12);

    public AccountConsoleToken(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** The authorization request the account console sends. */
    public String authUrl() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", "account-console");
        params.put("redirect_uri", redirectUri());
        params.put("response_type", "code");
        params.put("response_mode", "query");
        params.put("scope", "openid");
        params.put("state", state);
        params.put("code_challenge", s256(verifier));
        params.put("code_challenge_method", "S256");
        return realmUrl + "/protocol/openid-connect/auth?" + WebSession.encode(params);
    }

    /** Redeems the code of the page the sign-in ended on (the console lives on the server, so the session followed). */
    public String redeem(Page end) throws Exception {
        String url = end.isRedirect() ? end.redirect() : end.url();
        if (!url.startsWith(redirectUri()) || !url.contains("code=")) {
            throw new AssertionError("Expected the account console with a code, got " + end + " " + url + ": " + end.text());
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!state.equals(query.get("state"))) {
            throw new AssertionError("state mismatch in " + url);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", "account-console");
        form.put("code", query.get("code"));
        form.put("redirect_uri", redirectUri());
        form.put("code_verifier", verifier);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebSession.encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("account-console token: HTTP " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }

    private String redirectUri() {
        return realmUrl + "/account/";
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.vigi2fa.testing.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigi2fa.testing.Blocking;
import org.vigi2fa.testing.http.WebSession;

/** The OAuth endpoints of the vigi realm, spoken as the VIGI applications speak them. */
public final class OAuth {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String realmUrl;

    public OAuth(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** An authorization request; a PKCE pair is made when the client uses PKCE. */
    public AuthRequest authRequest(VigiClient client, String... extraParams) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", client.clientId);
        params.put("redirect_uri", client.redirectUri);
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("state", randomToken(12));
        params.put("nonce", randomToken(12));
        String verifier = null;
        if (client.pkce) {
            verifier = randomToken(48);
            params.put("code_challenge", s256(verifier));
            params.put("code_challenge_method", "S256");
        }
        for (int i = 0; i + 1 < extraParams.length; i += 2) {
            params.put(extraParams[i], extraParams[i + 1]);
        }
        return new AuthRequest(client, realmUrl + "/protocol/openid-connect/auth?" + WebSession.encode(params), verifier, params.get("state"));
    }

    /** Exchanges the code of a finished authorization request; returns the token endpoint's JSON (with "status"). */
    public JsonNode exchange(AuthRequest request, String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", request.client().redirectUri);
        if (request.verifier() != null) {
            form.put("code_verifier", request.verifier());
        }
        return token(request.client(), form);
    }

    public JsonNode passwordGrant(VigiClient client, String username, String password, String totp) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        if (totp != null) {
            form.put("totp", totp);
        }
        return token(client, form);
    }

    public JsonNode refresh(VigiClient client, String refreshToken) {
        return token(client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** RFC 8628 step 1: device_code, user_code, verification_uri_complete. */
    public JsonNode deviceAuthorization(VigiClient client) {
        return postForm("/protocol/openid-connect/auth/device", client, new LinkedHashMap<>(Map.of("scope", "openid")));
    }

    /** RFC 8628 polling step. */
    public JsonNode deviceToken(VigiClient client, String deviceCode) {
        return token(client, Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", deviceCode));
    }

    public JsonNode introspect(VigiClient asClient, String token) {
        return postForm("/protocol/openid-connect/token/introspect", asClient, new LinkedHashMap<>(Map.of("token", token)));
    }

    /** RFC 7662 with a token_type_hint ("access_token", "refresh_token"). */
    public JsonNode introspect(VigiClient asClient, String token, String tokenTypeHint) {
        return postForm("/protocol/openid-connect/token/introspect", asClient,
                new LinkedHashMap<>(Map.of("token", token, "token_type_hint", tokenTypeHint)));
    }

    /** The application signs the user out through the back channel with its refresh token (status 204 on success). */
    public JsonNode logout(VigiClient client, String refreshToken) {
        return postForm("/protocol/openid-connect/logout", client, new LinkedHashMap<>(Map.of("refresh_token", refreshToken)));
    }

    public JsonNode token(VigiClient client, Map<String, String> form) {
        return postForm("/protocol/openid-connect/token", client, new LinkedHashMap<>(form));
    }

    private JsonNode postForm(String path, VigiClient client, Map<String, String> form) {
        form.put("client_id", client.clientId);
        if (client.secret != null) {
            form.put("client_secret", client.secret);
        }
        return Blocking.call(() -> {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(WebSession.encode(form))).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("status", response.statusCode());
            return body;
        });
    }

    /** The payload of a JWT, unverified (the tests read claims; the server verified the token). */
    public static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One authorization request of a client: its URL and the PKCE verifier to redeem its code. */
    public record AuthRequest(VigiClient client, String url, String verifier, String state) {
    }
}

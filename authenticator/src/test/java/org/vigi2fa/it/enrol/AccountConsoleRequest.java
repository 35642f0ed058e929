package org.vigi2fa.it.enrol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;

/** The authorization request Keycloak's account console sends for "Set up authenticator application". */
final class AccountConsoleRequest {

    private final String realmUrl;
    private final String state = random();

    AccountConsoleRequest(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    String state() {
        return state;
    }

    String redirectUri() {
        return realmUrl + "/account/";
    }

    /** account-console is public with PKCE S256; response_mode=query keeps the answer readable without JavaScript. */
    String authUrl(String kcAction) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", "account-console");
        params.put("redirect_uri", redirectUri());
        params.put("response_type", "code");
        params.put("response_mode", "query");
        params.put("scope", "openid");
        params.put("state", state);
        params.put("nonce", random());
        params.put("code_challenge", s256(random() + random()));
        params.put("code_challenge_method", "S256");
        params.put("kc_action", kcAction);
        return realmUrl + "/protocol/openid-connect/auth?" + WebSession.encode(params);
    }

    /** Query parameters Keycloak sent the browser back to the console with (the console lives on the same server). */
    Map<String, String> returned(Page end) {
        String url = end.isRedirect() ? end.redirect() : end.url();
        if (!url.startsWith(redirectUri())) {
            throw new AssertionError("Expected to be back at the account console, got " + end + " " + url + ": " + end.text());
        }
        return Enrolment.query(url);
    }

    private static String random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.vigi2fa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * A browser signed in to one client, with the tokens it got: the start of every test that checks what a later
 * change (turning 2FA off, a lost-phone link, ...) does to sessions and tokens from before.
 */
public record SignedIn(WebSession browser, OAuth oauth, VigiClient client, JsonNode tokens) {

    /** The cookie a trusted browser keeps, and the box on the code page that asks for it. */
    public static final String TRUSTED_DEVICE_COOKIE = "VIGI_TRUSTED_DEVICE";
    private static final String TRUST_BOX = "vigi-trust-device";
    private static final String[] OFFLINE_SCOPE = {"scope", "openid offline_access"};

    /** Password and the current code in a fresh browser. */
    public static SignedIn withCode(VigiEnvironment env, EnrolledUser enrolled, VigiClient client) {
        return withCode(env, enrolled, client, enrolled.totp().now());
    }

    /** Password and the given code; {@code extraParams} go into the authorization request (e.g. scope). */
    public static SignedIn withCode(VigiEnvironment env, EnrolledUser enrolled, VigiClient client, String code,
                                    String... extraParams) {
        OAuth oauth = new OAuth(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl());
        OAuth.AuthRequest request = oauth.authRequest(client, extraParams);
        JsonNode tokens = Flows.signInWithCode(oauth, browser, request, enrolled.user(), code);
        return new SignedIn(browser, oauth, client, Grants.issued(tokens, "signed in with the code to " + client.clientId));
    }

    /**
     * Password and the given code with "Don't ask again on this device" ticked; checks the box was offered and the
     * browser got the trusted-device cookie.
     */
    public static SignedIn trustingTheDevice(VigiEnvironment env, EnrolledUser enrolled, VigiClient client, String code) {
        OAuth oauth = new OAuth(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl());
        OAuth.AuthRequest request = oauth.authRequest(client);
        Page codePage = Flows.codePage(browser, request, enrolled.user());
        assertNotNull(codePage.document().selectFirst("input[type=checkbox][name=" + TRUST_BOX + "]"), "the box is offered");
        Page end = browser.submit(codePage.form("#kc-otp-login-form"), Map.of("otp", code, TRUST_BOX, "on"));
        JsonNode tokens = Grants.issued(Flows.tokens(oauth, request, end), "signed in trusting the device to " + client.clientId);
        assertNotNull(browser.cookies().get(TRUSTED_DEVICE_COOKIE), "trusted-device cookie set: " + browser.cookies().keySet());
        return new SignedIn(browser, oauth, client, tokens);
    }

    /** Password alone (a user without 2FA) in a fresh browser. */
    public static SignedIn withPassword(VigiEnvironment env, TestUser user, VigiClient client, String... extraParams) {
        OAuth oauth = new OAuth(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl());
        JsonNode tokens = Flows.signInWithPassword(oauth, browser, oauth.authRequest(client, extraParams), user);
        return new SignedIn(browser, oauth, client, Grants.issued(tokens, "signed in with the password to " + client.clientId));
    }

    /** Password and the given code, asking for an offline token (checked: the refresh token is of type Offline). */
    public static SignedIn offlineWithCode(VigiEnvironment env, EnrolledUser enrolled, VigiClient client, String code) {
        return withCode(env, enrolled, client, code, OFFLINE_SCOPE).assertOffline();
    }

    /** Password alone (a user without 2FA), asking for an offline token (checked as above). */
    public static SignedIn offlineWithPassword(VigiEnvironment env, TestUser user, VigiClient client) {
        return withPassword(env, user, client, OFFLINE_SCOPE).assertOffline();
    }

    private SignedIn assertOffline() {
        assertEquals("Offline", OAuth.claims(refreshToken()).get("typ").asText(), "offline token: " + tokens);
        return this;
    }

    public String accessToken() {
        return tokens.get("access_token").asText();
    }

    public String refreshToken() {
        return tokens.get("refresh_token").asText();
    }

    /** Opens the client's authorization URL with kc_action; the SSO session skips the login. */
    public Page startAction(String kcAction) {
        return browser.get(oauth.authRequest(client, "kc_action", kcAction).url());
    }

    /** Asserts the refresh token from this sign-in is dead (signed out). */
    public void assertSignedOut(String what) {
        Grants.assertInvalidGrant(oauth.refresh(client, refreshToken()), what);
    }

    /** Asserts the refresh token from this sign-in still refreshes. */
    public void assertStillSignedIn(String what) {
        Grants.issued(oauth.refresh(client, refreshToken()), what);
    }

    /** Whether the resource server's introspection calls this sign-in's access token active. */
    public boolean accessTokenActiveFor(VigiClient resourceServer) {
        return oauth.introspect(resourceServer, accessToken()).get("active").asBoolean();
    }

    /** Whether the resource server's introspection calls this sign-in's refresh token active. */
    public boolean refreshTokenActiveFor(VigiClient resourceServer) {
        return oauth.introspect(resourceServer, refreshToken(), "refresh_token").get("active").asBoolean();
    }
}

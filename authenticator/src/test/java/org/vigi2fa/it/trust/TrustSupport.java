package org.vigi2fa.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Steps the trusted-device tests share: trusting a browser, a later visit with only that cookie, and checks. */
final class TrustSupport {

    static final String COOKIE = "VIGI_TRUSTED_DEVICE";
    static final String TYPE = "vigi-trusted-device";
    static final String CHECKBOX = "vigi-trust-device";
    static final String CODE_PAGE = "login-vigi-2fa-code";

    private TrustSupport() {
    }

    /** The cookie a browser got by ticking "Don't ask again" with a correct code. */
    record Trusted(EnrolledUser enrolled, String cookie) {
    }

    /** Signs in to VMS Cloud with password and code, ticking the box; fails unless back at the client with a cookie. */
    static Trusted trust(VigiEnvironment env, EnrolledUser enrolled) {
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = Flows.codePage(browser, request, enrolled.user());
        assertNotNull(codePage.document().selectFirst("input[type=checkbox][name=" + CHECKBOX + "]"), "the box is offered");
        Page end = browser.submit(codePage.form("#kc-otp-login-form"), Map.of("otp", enrolled.totp().now(), CHECKBOX, "on"));
        assertEquals(200, Flows.tokens(oauth, request, end).get("status").asInt());
        String cookie = browser.cookies().get(COOKIE);
        assertNotNull(cookie, "trusted-device cookie set: " + browser.cookies().keySet());
        return new Trusted(enrolled, cookie);
    }

    /** A later visit of the same device: a browser holding only the trusted-device cookie (the SSO session is over). */
    static WebSession device(VigiEnvironment env, String cookie) {
        WebSession browser = new WebSession(env.baseUrl());
        browser.cookies().put(COOKIE, cookie);
        return browser;
    }

    /** Opens the request and types the password: the page after the password step. */
    static Page afterPassword(WebSession browser, OAuth.AuthRequest request, TestUser user) {
        return Flows.passwordStep(browser, request, user);
    }

    /** The password alone got the user back to the client, with tokens for that user. */
    static JsonNode assertSkipped(VigiEnvironment env, OAuth.AuthRequest request, Page afterPassword, TestUser user) {
        JsonNode tokens = Flows.tokens(new OAuth(env.realmUrl()), request, afterPassword);
        assertEquals(200, tokens.get("status").asInt(), tokens.toString());
        assertEquals(user.id(), OAuth.claims(tokens.get("access_token").asText()).get("sub").asText());
        return tokens;
    }

    /** Signs in with only the password on a browser holding the cookie; asserts the code page is asked. */
    static Page assertAsked(VigiEnvironment env, String cookie, TestUser user) {
        Page page = afterPassword(device(env, cookie), new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), user);
        Flows.assertPage(page, CODE_PAGE);
        return page;
    }

    /** Signs in with only the password on a browser holding the cookie; asserts the code was skipped. */
    static void assertTrusted(VigiEnvironment env, String cookie, TestUser user) {
        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD);
        assertSkipped(env, request, afterPassword(device(env, cookie), request, user), user);
    }

    /** Runs the steps with these VIGI settings, then puts the previous ones back. */
    static void withSettings(VigiEnvironment env, Map<String, String> settings, Runnable steps) {
        Map<String, String> previous = VigiSettings.change(env, settings);
        try {
            steps.run();
        } finally {
            VigiSettings.restore(env, previous);
        }
    }

    /** The code page does not offer "Don't ask again on this device". */
    static void assertNotOffered(Page codePage, String why) {
        assertNull(codePage.document().selectFirst("input[name=" + CHECKBOX + "]"), "no box: " + why);
    }

    /** The user's stored trusted devices (admin API). */
    static List<CredentialRepresentation> devices(VigiEnvironment env, String userId) {
        return env.realm().users().get(userId).credentials().stream().filter(c -> TYPE.equals(c.getType())).toList();
    }
}

package org.vigi2fa.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.vigi2fa.testing.Flows.CODE_PAGE;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Steps the trusted-device tests share: trusting a browser, a later visit with only that cookie, and checks. */
final class TrustSupport {

    static final String COOKIE = SignedIn.TRUSTED_DEVICE_COOKIE;
    static final String TYPE = "vigi-trusted-device";
    static final String CHECKBOX = "vigi-trust-device";

    private TrustSupport() {
    }

    /** The cookie a browser got by ticking "Don't ask again" with a correct code. */
    record Trusted(EnrolledUser enrolled, String cookie) {
    }

    /** Signs in to VMS Cloud with password and code, ticking the box; fails unless back at the client with a cookie. */
    static Trusted trust(VigiEnvironment env, EnrolledUser enrolled) {
        SignedIn signedIn = SignedIn.trustingTheDevice(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now());
        return new Trusted(enrolled, signedIn.browser().cookies().get(COOKIE));
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

    /** The code page, without "Don't ask again on this device" (a client or a request that always asks). */
    static void assertCodePageWithoutTheBox(Page page, String why) {
        Flows.assertPage(page, CODE_PAGE);
        assertNotOffered(page, why);
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

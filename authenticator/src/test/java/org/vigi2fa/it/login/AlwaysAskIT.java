package org.vigi2fa.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.testing.Flows.CODE_PAGE;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * An always-ask client (the Config Tool) gets a code typed in its own authorization, whatever session the browser
 * already holds: one opened with a trusted device, or one opened with a code for another application. Other clients
 * keep single sign-on.
 */
@VigiTest
class AlwaysAskIT {

    @Test
    void aTrustedDeviceSessionDoesNotOpenTheConfigTool(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("ask-trusted");
        String cookie = SignedIn.trustingTheDevice(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now()).browser()
                .cookies().get(SignedIn.TRUSTED_DEVICE_COOKIE);
        // the password and the trusted device's cookie: VMS Cloud opens without the code, as designed
        WebSession browser = new WebSession(env.baseUrl());
        browser.cookies().put(SignedIn.TRUSTED_DEVICE_COOKIE, cookie);
        Grants.issued(Flows.signInWithPassword(new OAuth(env.realmUrl()), browser,
                new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), enrolled.user()), "trusted device skips the code");

        JsonNode tokens = configToolAsksPasswordAndCode(env, browser, enrolled);
        JsonNode claims = OAuth.claims(tokens.get("access_token").asText());
        assertTrue(claims.get("amr").toString().contains("otp"), claims.toString());
        assertEquals("2", claims.get("acr").asText(), claims.toString());
    }

    @Test
    void aSessionOpenedWithACodeStillAsksForTheConfigTool(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("ask-code");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now());
        configToolAsksPasswordAndCode(env, signedIn.browser(), enrolled);
    }

    @Test
    void otherClientsKeepSingleSignOn(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("ask-sso");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now());
        OAuth.AuthRequest request = signedIn.oauth().authRequest(VigiClient.VMS_LOCAL);
        Page back = signedIn.browser().get(request.url());
        assertTrue(back.isRedirect(), "SSO straight back to VMS Local: " + back);
        Grants.issued(signedIn.oauth().exchange(request, back.redirectParams().get("code")), "SSO token");
    }

    @Test
    void aSilentRequestOfAnAlwaysAskClientGetsNoToken(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("ask-none");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now());
        VigiSettings.with(env, Map.of("alwaysAskClients", "vigi-config-tool, vms-local"), () -> {
            Page answer = signedIn.browser().get(signedIn.oauth().authRequest(VigiClient.VMS_LOCAL, "prompt", "none").url());
            assertTrue(answer.isRedirect(), answer.toString());
            Map<String, String> params = answer.redirectParams();
            assertNull(params.get("code"), "no authorization code without a code typed now: " + params);
            // Keycloak answers a silent request that would need any page with login_required (OIDC Core 3.1.2.6)
            assertEquals("login_required", params.get("error"), params.toString());
        });
    }

    /** In the same browser, the Config Tool's device grant: the password page, then the code page, then tokens. */
    private static JsonNode configToolAsksPasswordAndCode(VigiEnvironment env, WebSession browser, EnrolledUser enrolled) {
        OAuth oauth = new OAuth(env.realmUrl());
        JsonNode device = Grants.issued(oauth.deviceAuthorization(VigiClient.CONFIG_TOOL));
        Page first = browser.get(device.get("verification_uri_complete").asText());
        assertFalse("login-login-oauth-grant".equals(first.pageId()), "no consent before the password and the code: " + first);
        Page codePage = Flows.password(browser, first, enrolled.user().username(), enrolled.user().password());
        Flows.assertPage(codePage, CODE_PAGE);
        Page consent = Flows.code(browser, codePage, enrolled.totp().now(1));
        Flows.assertPage(consent, "login-login-oauth-grant");
        browser.submit(consent.form("form"), Map.of("accept", "Yes"));
        return Grants.issued(oauth.deviceToken(VigiClient.CONFIG_TOOL, device.get("device_code").asText()));
    }
}

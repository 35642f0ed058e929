package org.vigi2fa.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.testing.Flows.CODE_PAGE;
import static org.vigi2fa.it.login.LoginSupport.INVALID_CODE;
import static org.vigi2fa.testing.Flows.assertRefused;
import static org.vigi2fa.testing.Flows.codePage;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Every VIGI client through its real grant: no code, no token; wrong code, an error and a retry; right code, a token. */
@VigiTest
class ClientsWith2faIT {

    @ParameterizedTest
    @EnumSource(value = VigiClient.class, names = {"VMS_CLOUD", "VMS_LOCAL", "VIGI_APP", "PC_CLIENT"})
    void authorizationCodeClientsNeedTheCode(VigiClient client, VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("client");
        Visit visit = Visit.to(env, client);

        Page codePage = visit.codePage(enrolled.user());
        assertFalse(codePage.isRedirect(), "the password alone does not reach " + client.clientId);
        Page again = Flows.onToCodePage(visit.browser(), visit.open(), enrolled.user());

        Page wrong = visit.code(again, enrolled.totp().wrongNow());
        assertRefused(wrong, INVALID_CODE);
        Flows.assertPage(wrong, CODE_PAGE);
        assertEquals("true", wrong.document().selectFirst("#otp").attr("aria-invalid"), "the code field is marked");

        BruteForce.nextAttempt();
        JsonNode tokens = Grants.issued(visit.tokens(visit.code(wrong, enrolled.totp().now())));
        Grants.assertAccessFor(tokens, enrolled.user().username(), client);
    }

    @Test
    void configToolAsksTheCodeInTheBrowserStep(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("device");
        OAuth oauth = new OAuth(env.realmUrl());

        // a device whose browser step stops at the code page gets no token
        JsonNode stalled = oauth.deviceAuthorization(VigiClient.CONFIG_TOOL);
        WebSession other = new WebSession(env.baseUrl());
        Page stalledCode = Flows.password(other, other.get(stalled.get("verification_uri_complete").asText()),
                enrolled.user().username(), enrolled.user().password());
        Flows.assertPage(stalledCode, CODE_PAGE);
        JsonNode pending = oauth.deviceToken(VigiClient.CONFIG_TOOL, stalled.get("device_code").asText());
        assertEquals(400, pending.get("status").asInt(), pending.toString());
        assertEquals("authorization_pending", pending.get("error").asText(), pending.toString());

        // wrong code, then the right one, then consent: the poll gets the token
        JsonNode device = Grants.issued(oauth.deviceAuthorization(VigiClient.CONFIG_TOOL));
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = Flows.password(browser, browser.get(device.get("verification_uri_complete").asText()),
                enrolled.user().username(), enrolled.user().password());
        Flows.assertPage(codePage, CODE_PAGE);
        Page wrong = Flows.code(browser, codePage, enrolled.totp().wrongNow());
        assertRefused(wrong, INVALID_CODE);
        BruteForce.nextAttempt();
        Page consent = Flows.code(browser, wrong, enrolled.totp().now());
        Flows.assertPage(consent, "login-login-oauth-grant");
        Page done = browser.submit(consent.form("form"), Map.of("accept", "Yes"));
        assertTrue(done.status() < 400, done.toString());

        JsonNode tokens = Grants.issued(oauth.deviceToken(VigiClient.CONFIG_TOOL, device.get("device_code").asText()));
        assertEquals(enrolled.user().username(), OAuth.claims(tokens.get("access_token").asText()).get("preferred_username").asText());
    }

    @Test
    void codePageOffersOneTimeCodeInputAndTheLostPhoneForm(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("page");
        WebSession browser = new WebSession(env.baseUrl());
        Page page = codePage(browser, new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), enrolled.user());
        Element input = page.form("#kc-otp-login-form").selectFirst("input#otp[name=otp]");
        assertEquals("one-time-code", input.attr("autocomplete"));
        assertEquals("numeric", input.attr("inputmode"));
        assertEquals("otp", page.document().selectFirst("label[for=otp]").attr("for"));
        assertTrue(page.document().selectFirst("#kc-login") != null, "submit button");
        assertTrue(page.document().selectFirst("#vigi-lost-phone-form #vigi-lost-phone") != null, "lost-phone form");
    }
}

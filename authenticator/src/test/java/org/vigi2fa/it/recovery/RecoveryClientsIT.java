package org.vigi2fa.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.vigi2fa.it.recovery.RecoverySupport.Seeded;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** The PKCE clients and the device grant take a recovery code in their browser step. */
@VigiTest
class RecoveryClientsIT {

    @ParameterizedTest
    @EnumSource(value = VigiClient.class, names = {"VIGI_APP", "PC_CLIENT"})
    void pkceClientsAcceptARecoveryCode(VigiClient client, VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-pkce", 12);
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(client);
        assertTrue(client.pkce, client + " uses PKCE");
        JsonNode tokens = Flows.tokens(oauth, request,
                RecoverySupport.signIn(new WebSession(env.baseUrl()), request, seeded.enrolled().user(), seeded.codes().number(1)));
        assertEquals(200, tokens.get("status").asInt(), tokens.toString());
        assertEquals(client.clientId, OAuth.claims(tokens.get("access_token").asText()).get("azp").asText());
    }

    @Test
    void theConfigToolAcceptsARecoveryCodeInTheBrowserStep(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-device", 12);
        OAuth oauth = new OAuth(env.realmUrl());
        JsonNode device = oauth.deviceAuthorization(VigiClient.CONFIG_TOOL);
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = Flows.password(browser, browser.get(device.get("verification_uri_complete").asText()),
                seeded.enrolled().user().username(), seeded.enrolled().user().password());
        Page consent = RecoverySupport.submit(browser, RecoverySupport.useRecoveryCode(browser, codePage), seeded.codes().number(1));
        Flows.assertPage(consent, "login-login-oauth-grant");
        Page done = browser.submit(consent.form("form"), Map.of("accept", "Yes"));
        assertTrue(done.status() < 400, done.toString());
        JsonNode tokens = oauth.deviceToken(VigiClient.CONFIG_TOOL, device.get("device_code").asText());
        assertEquals(200, tokens.get("status").asInt(), tokens.toString());
        assertEquals(seeded.enrolled().user().username(), OAuth.claims(tokens.get("access_token").asText()).get("preferred_username").asText());
    }
}

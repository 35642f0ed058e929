package org.vigi2fa.it.stepup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.stepup.StepUpSupport.PASSWORD;
import static org.vigi2fa.it.stepup.StepUpSupport.PASSWORD_AND_CODE;
import static org.vigi2fa.it.stepup.StepUpSupport.assertLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The tokens of all five clients say whether the code was used: amr pwd + otp and acr 2, or amr pwd and acr 1; the
 * realm's discovery document names each acr value once.
 */
@VigiTest
class TokenClaimsIT {

    @ParameterizedTest
    @EnumSource(value = VigiClient.class, names = {"VMS_CLOUD", "VMS_LOCAL", "VIGI_APP", "PC_CLIENT"})
    void browserClientsSeeTheSecondFactor(VigiClient client, VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("amr");
        assertLevel(Visit.to(env, client).signInWithCode(enrolled.user(), enrolled.totp().now()), PASSWORD_AND_CODE, "2",
                client.clientId + " with 2FA");

        TestUser plain = env.newUser("amr-plain");
        assertLevel(Visit.to(env, client).signInWithPassword(plain), PASSWORD, "1", client.clientId + " without 2FA");
    }

    @Test
    void discoveryNamesEachAcrValueOnce(VigiEnvironment env) throws Exception {
        Page discovery = new WebSession(env.baseUrl()).get(env.realmUrl() + "/.well-known/openid-configuration");
        JsonNode acr = new ObjectMapper().readTree(discovery.body()).get("acr_values_supported");
        List<String> values = new ArrayList<>();
        acr.forEach(value -> values.add(value.asText()));
        // 0 is Keycloak's level of an SSO sign-in; 1 and 2 are the browser flow's levels (password, code)
        assertEquals(List.of("0", "1", "2"), values.stream().sorted().toList(), "acr_values_supported: " + acr);
    }

    @Test
    void ssoSignInKeepsTheLevelOfTheSession(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("amr-sso");
        Visit cloud = Visit.to(env, VigiClient.VMS_CLOUD);
        cloud.signInWithCode(enrolled.user(), enrolled.totp().now());
        Visit local = cloud.then(VigiClient.VMS_LOCAL);
        assertLevel(local.tokens(local.open()), PASSWORD_AND_CODE, "2", "SSO after a 2FA sign-in");
    }

    @Test
    void configToolDeviceGrantSeesTheSecondFactor(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("amr-device");
        assertLevel(deviceGrant(env, enrolled.user(), enrolled.totp().now()), PASSWORD_AND_CODE, "2", "config tool with 2FA");
        assertLevel(deviceGrant(env, env.newUser("amr-device-plain"), null), PASSWORD, "1", "config tool without 2FA");
    }

    /** The device flow of the Config Tool: verification page in a browser (password, code if any, consent), then the poll. */
    private static JsonNode deviceGrant(VigiEnvironment env, TestUser user, String code) {
        OAuth oauth = new OAuth(env.realmUrl());
        JsonNode device = Grants.issued(oauth.deviceAuthorization(VigiClient.CONFIG_TOOL));
        WebSession browser = new WebSession(env.baseUrl());
        Page page = Flows.password(browser, browser.get(device.get("verification_uri_complete").asText()), user.username(), user.password());
        if (code != null) {
            page = Flows.code(browser, page, code);
        }
        Flows.assertPage(page, "login-login-oauth-grant");
        Page done = browser.submit(page.form("form"), Map.of("accept", "Yes"));
        assertTrue(done.status() < 400, done.toString());
        return oauth.deviceToken(VigiClient.CONFIG_TOOL, device.get("device_code").asText());
    }
}

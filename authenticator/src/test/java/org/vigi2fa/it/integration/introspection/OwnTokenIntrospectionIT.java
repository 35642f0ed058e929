package org.vigi2fa.it.integration.introspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.UnusedCodes;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;
import org.vigi2fa.testing.server.KeycloakRelease;

/**
 * VMS Cloud and VMS Local check the tokens they were given at Keycloak's introspection endpoint (RFC 7662): their own
 * tokens are active while the sign-in lasts, and inactive once the user signed out or turned 2FA off.
 */
@VigiTest
class OwnTokenIntrospectionIT {

    @ParameterizedTest
    @EnumSource(value = VigiClient.class, names = {"VMS_CLOUD", "VMS_LOCAL"})
    void confidentialClientIntrospectsItsOwnTokens(VigiClient client, VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("introspect");
        OAuth oauth = new OAuth(env.realmUrl());
        JsonNode tokens = SignedIn.withCode(env, enrolled, client, enrolled.totp().now()).tokens();

        JsonNode access = Grants.issued(oauth.introspect(client, tokens.get("access_token").asText()));
        assertTrue(access.get("active").asBoolean(), client.clientId + " introspects its own access token: " + access);
        assertEquals(client.clientId, access.get("client_id").asText(), access.toString());
        assertEquals(enrolled.user().username(), access.get("username").asText(), access.toString());

        JsonNode refresh = oauth.introspect(client, tokens.get("refresh_token").asText(), "refresh_token");
        assertTrue(refresh.get("active").asBoolean(), client.clientId + " introspects its own refresh token: " + refresh);
    }

    @Test
    void signOutMakesTheTokensInactive(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("introspectout");
        OAuth oauth = new OAuth(env.realmUrl());
        JsonNode tokens = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now()).tokens();
        assertTrue(oauth.introspect(VigiClient.VMS_CLOUD, tokens.get("access_token").asText()).get("active").asBoolean(), "active first");

        JsonNode logout = oauth.logout(VigiClient.VMS_CLOUD, tokens.get("refresh_token").asText());
        assertEquals(204, logout.get("status").asInt(), logout.toString());

        assertFalse(oauth.introspect(VigiClient.VMS_CLOUD, tokens.get("access_token").asText()).get("active").asBoolean(), "access token after sign-out");
        assertFalse(oauth.introspect(VigiClient.VMS_CLOUD, tokens.get("refresh_token").asText(), "refresh_token").get("active").asBoolean(),
                "refresh token after sign-out");
    }

    @Test
    void turningTwoFactorOffMakesTheOtherDevicesTokensInactive(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("introspectoff");
        UnusedCodes codes = new UnusedCodes(enrolled.totp());
        OAuth oauth = new OAuth(env.realmUrl());
        JsonNode cloud = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, codes.next()).tokens();
        assertTrue(oauth.introspect(VigiClient.VMS_CLOUD, cloud.get("access_token").asText()).get("active").asBoolean(), "active first");

        // Account settings on VMS Local: turn 2FA off with the password and a current code.
        OAuth.AuthRequest signIn = oauth.authRequest(VigiClient.VMS_LOCAL);
        WebSession local = new WebSession(env.baseUrl());
        Flows.signInWithCode(oauth, local, signIn, enrolled.user(), codes.next());
        Page disable = local.get(oauth.authRequest(VigiClient.VMS_LOCAL, "kc_action", "vigi-2fa-disable").url());
        Page end = local.submit(disable.form("#vigi-disable-form"), Map.of("password", enrolled.user().password(), "otp", codes.next()));
        assertEquals("success", end.redirectParams().get("kc_action_status"), end.toString());

        assertFalse(oauth.introspect(VigiClient.VMS_CLOUD, cloud.get("access_token").asText()).get("active").asBoolean(),
                "VMS Cloud's access token after 2FA was turned off elsewhere");
        assertFalse(oauth.introspect(VigiClient.VMS_CLOUD, cloud.get("refresh_token").asText(), "refresh_token").get("active").asBoolean(),
                "VMS Cloud's refresh token after 2FA was turned off elsewhere");
    }

    @Test
    void vmsLocalStillAcceptsTheAppsTokensAndCloudDoesNot(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("introspectapp");
        OAuth oauth = new OAuth(env.realmUrl());
        JsonNode app = SignedIn.withCode(env, enrolled, VigiClient.VIGI_APP, enrolled.totp().now()).tokens();

        JsonNode byLocal = oauth.introspect(VigiClient.VMS_LOCAL, app.get("access_token").asText());
        assertTrue(byLocal.get("active").asBoolean(), "VMS Local via App: " + byLocal);
        assertEquals("vigi-app", byLocal.get("client_id").asText(), byLocal.toString());
        JsonNode byCloud = oauth.introspect(VigiClient.VMS_CLOUD, app.get("access_token").asText());
        // Keycloak checks the introspecting client against aud from 26.7 on (docs/compatibility.md); before, VMS Cloud
        // sees the App's token as active and must read aud itself, which says vms-local only.
        if (KeycloakRelease.of(env).introspectionChecksAudience()) {
            assertFalse(byCloud.get("active").asBoolean(), "the App's token is not meant for VMS Cloud: " + byCloud);
        } else {
            assertEquals("vms-local", byCloud.get("aud").asText(), "the audience VMS Cloud must check: " + byCloud);
        }
    }
}

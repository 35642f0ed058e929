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
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.UnusedCodes;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
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
        SignedIn signedIn = SignedIn.withCode(env, enrolled, client, enrolled.totp().now());

        JsonNode access = Grants.issued(oauth.introspect(client, signedIn.accessToken()));
        assertTrue(access.get("active").asBoolean(), client.clientId + " introspects its own access token: " + access);
        assertEquals(client.clientId, access.get("client_id").asText(), access.toString());
        assertEquals(enrolled.user().username(), access.get("username").asText(), access.toString());

        JsonNode refresh = oauth.introspect(client, signedIn.refreshToken(), "refresh_token");
        assertTrue(refresh.get("active").asBoolean(), client.clientId + " introspects its own refresh token: " + refresh);
    }

    @Test
    void signOutMakesTheTokensInactive(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("introspectout");
        OAuth oauth = new OAuth(env.realmUrl());
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now());
        assertTrue(signedIn.accessTokenActiveFor(VigiClient.VMS_CLOUD), "active first");

        JsonNode logout = oauth.logout(VigiClient.VMS_CLOUD, signedIn.refreshToken());
        assertEquals(204, logout.get("status").asInt(), logout.toString());

        assertFalse(signedIn.accessTokenActiveFor(VigiClient.VMS_CLOUD), "access token after sign-out");
        assertFalse(signedIn.refreshTokenActiveFor(VigiClient.VMS_CLOUD), "refresh token after sign-out");
    }

    @Test
    void turningTwoFactorOffMakesTheOtherDevicesTokensInactive(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("introspectoff");
        UnusedCodes codes = new UnusedCodes(enrolled.totp());
        OAuth oauth = new OAuth(env.realmUrl());
        SignedIn cloud = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, codes.next());
        assertTrue(cloud.accessTokenActiveFor(VigiClient.VMS_CLOUD), "active first");

        // Account settings on VMS Local: turn 2FA off with the password and a current code.
        SignedIn local = SignedIn.withCode(env, enrolled, VigiClient.VMS_LOCAL, codes.next());
        Page disable = local.startAction("vigi-2fa-disable");
        Page end = local.browser().submit(disable.form("#vigi-disable-form"), Map.of("password", enrolled.user().password(), "otp", codes.next()));
        assertEquals("success", end.redirectParams().get("kc_action_status"), end.toString());

        assertFalse(cloud.accessTokenActiveFor(VigiClient.VMS_CLOUD),
                "VMS Cloud's access token after 2FA was turned off elsewhere");
        assertFalse(cloud.refreshTokenActiveFor(VigiClient.VMS_CLOUD),
                "VMS Cloud's refresh token after 2FA was turned off elsewhere");
    }

    @Test
    void vmsLocalStillAcceptsTheAppsTokensAndCloudDoesNot(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("introspectapp");
        OAuth oauth = new OAuth(env.realmUrl());
        SignedIn app = SignedIn.withCode(env, enrolled, VigiClient.VIGI_APP, enrolled.totp().now());

        JsonNode byLocal = oauth.introspect(VigiClient.VMS_LOCAL, app.accessToken());
        assertTrue(byLocal.get("active").asBoolean(), "VMS Local via App: " + byLocal);
        assertEquals("vigi-app", byLocal.get("client_id").asText(), byLocal.toString());
        JsonNode byCloud = oauth.introspect(VigiClient.VMS_CLOUD, app.accessToken());
        // Keycloak checks the introspecting client against aud from 26.7 on (docs/compatibility.md); before, VMS Cloud
        // sees the App's token as active and must read aud itself, which says vms-local only.
        if (KeycloakRelease.of(env).introspectionChecksAudience()) {
            assertFalse(byCloud.get("active").asBoolean(), "the App's token is not meant for VMS Cloud: " + byCloud);
        } else {
            assertEquals("vms-local", byCloud.get("aud").asText(), "the audience VMS Cloud must check: " + byCloud);
        }
    }
}

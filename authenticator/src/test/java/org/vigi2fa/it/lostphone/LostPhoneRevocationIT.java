package org.vigi2fa.it.lostphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.lostphone.LostPhoneSupport.requestLink;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Turning 2FA off by link signs the user out everywhere: refresh, access and offline tokens obtained before die. */
@VigiTest
class LostPhoneRevocationIT {

    @Test
    void tokensObtainedBeforeTheRemovalAreRevoked(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("revoke");
        OAuth oauth = new OAuth(env.realmUrl());

        OAuth.AuthRequest app = oauth.authRequest(VigiClient.VIGI_APP, "scope", "openid offline_access");
        WebSession phone = new WebSession(env.baseUrl());
        JsonNode appTokens = Grants.issued(Flows.signInWithCode(oauth, phone, app, enrolled.user(), enrolled.totp().now()));
        assertEquals("Offline", OAuth.claims(appTokens.get("refresh_token").asText()).get("typ").asText(), "offline token");

        OAuth.AuthRequest pc = oauth.authRequest(VigiClient.PC_CLIENT);
        WebSession desktop = new WebSession(env.baseUrl());
        JsonNode pcTokens = Grants.issued(Flows.signInWithCode(oauth, desktop, pc, enrolled.user(), enrolled.totp().now(1)));
        // App tokens carry the vms-local audience, so the confidential vms-local may introspect them.
        assertTrue(oauth.introspect(VigiClient.VMS_LOCAL, appTokens.get("access_token").asText()).get("active").asBoolean(), "active before");

        requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        WebSession browser = new WebSession(env.baseUrl());
        Page confirm = browser.get(env.inbox().latestActionLink(enrolled.user().email()));
        Flows.assertPage(browser.submit(confirm.form("#vigi-lost-confirm-form"), Map.of("password", enrolled.user().password())),
                "login-vigi-2fa-lost-done");

        Grants.assertInvalidGrant(oauth.refresh(VigiClient.VIGI_APP, appTokens.get("refresh_token").asText()), "offline token dead");
        JsonNode pcRefresh = oauth.refresh(VigiClient.PC_CLIENT, pcTokens.get("refresh_token").asText());
        assertEquals(400, pcRefresh.get("status").asInt(), "refresh token dead: " + pcRefresh);
        assertFalse(oauth.introspect(VigiClient.VMS_LOCAL, appTokens.get("access_token").asText()).get("active").asBoolean(),
                "App access token inactive");
        assertFalse(oauth.introspect(VigiClient.VMS_CLOUD, pcTokens.get("access_token").asText()).get("active").asBoolean(),
                "PC client access token inactive");
        assertTrue(env.realm().users().get(enrolled.user().id()).getOfflineSessions(
                env.realm().clients().findByClientId("vigi-app").get(0).getId()).isEmpty(), "no offline session left");
    }

    @Test
    void signOutEverywhereCanBeTurnedOff(VigiEnvironment env) {
        Map<String, String> previous = VigiSettings.change(env, Map.of("signOutEverywhere", "false"));
        try {
            EnrolledUser enrolled = env.newUserWithOtp("keepsessions");
            OAuth oauth = new OAuth(env.realmUrl());
            OAuth.AuthRequest pc = oauth.authRequest(VigiClient.PC_CLIENT);
            WebSession desktop = new WebSession(env.baseUrl());
            JsonNode pcTokens = Grants.issued(Flows.signInWithCode(oauth, desktop, pc, enrolled.user(), enrolled.totp().now()));

            requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
            WebSession browser = new WebSession(env.baseUrl());
            Page confirm = browser.get(env.inbox().latestActionLink(enrolled.user().email()));
            Flows.assertPage(browser.submit(confirm.form("#vigi-lost-confirm-form"), Map.of("password", enrolled.user().password())),
                    "login-vigi-2fa-lost-done");

            Grants.issued(oauth.refresh(VigiClient.PC_CLIENT, pcTokens.get("refresh_token").asText()), "sessions kept when the setting is off");
        } finally {
            VigiSettings.restore(env, previous);
        }
    }
}

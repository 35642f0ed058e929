package org.vigi2fa.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.cluster.ClusterSteps.A;
import static org.vigi2fa.it.cluster.ClusterSteps.B;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Turning 2FA off on one node ends the tokens every node issued before. */
@VigiTest
class ClusterRevocationIT {

    @BeforeEach
    void twoNodes(VigiEnvironment env) {
        ClusterSteps.requireTwoNodes(env);
    }

    @Test
    void afterTurningOffOnBTheRefreshAndOfflineTokensIssuedByAAreRefusedOnA(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("clusterrevoke");
        Totp.awayFromPeriodEdge();
        // on A: the portal (refresh token), then the App with an offline token through the same SSO session
        WebSession onA = env.browserOn(A);
        OAuth.AuthRequest portal = ClusterSteps.request(env, VigiClient.VMS_CLOUD);
        Page code = Flows.codePage(onA, portal, enrolled.user());
        JsonNode portalTokens = Grants.issued(Flows.tokens(env.oauthOn(A), portal, Flows.code(onA, code, enrolled.totp().now(-1))));
        OAuth.AuthRequest app = ClusterSteps.request(env, VigiClient.VIGI_APP, "scope", "openid offline_access");
        JsonNode appTokens = Grants.issued(Flows.tokens(env.oauthOn(A), app, onA.get(app.url())));
        assertEquals("Offline", OAuth.claims(appTokens.get("refresh_token").asText()).get("typ").asText(), appTokens.toString());

        try {
            // not-before is a whole second: the turn-off happens in a later second than the sign-ins, as for a person
            env.moveClock(2);
            WebSession onB = env.browserOn(B);
            OAuth.AuthRequest turnOff = ClusterSteps.request(env, VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-disable");
            Page codeOnB = Flows.codePage(onB, turnOff, enrolled.user());
            Page disable = Flows.code(onB, codeOnB, enrolled.totp().now());
            Flows.assertPage(disable, "login-vigi-2fa-disable");
            Page end = onB.submit(disable.form("#vigi-disable-form"),
                    Map.of("password", enrolled.user().password(), "otp", enrolled.totp().now(1)));
            assertTrue(end.isRedirect(), end + " " + end.text());
            assertEquals("success", end.redirectParams().get("kc_action_status"), end.redirect());
            assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty(), "turned off");

            Grants.assertInvalidGrant(env.oauthOn(A).refresh(VigiClient.VMS_CLOUD, portalTokens.get("refresh_token").asText()), "A refuses its own refresh token");
            Grants.assertInvalidGrant(env.oauthOn(A).refresh(VigiClient.VIGI_APP, appTokens.get("refresh_token").asText()), "A refuses its own offline token");
        } finally {
            env.moveClock(0);
        }
    }
}

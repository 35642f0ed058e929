package org.vigi2fa.it.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
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

/** A policy for the Config Tool only: asked in the device grant's browser step, never when signing in elsewhere. */
@VigiTest
class RolloutConfigToolIT {

    @Test
    void onlyTheConfigToolsSignInAsks(VigiEnvironment env) {
        TestUser user = env.newUser("rollout-tool");
        Map<String, String> before = RolloutSupport.policy(env, Map.of("clients", VigiClient.CONFIG_TOOL.clientId));
        try {
            Grants.issued(Visit.to(env, VigiClient.VMS_CLOUD).signInWithPassword(user), "VMS Cloud is not covered");

            OAuth oauth = new OAuth(env.realmUrl());
            JsonNode device = Grants.issued(oauth.deviceAuthorization(VigiClient.CONFIG_TOOL));
            WebSession browser = new WebSession(env.baseUrl());
            Page asked = Flows.password(browser, browser.get(device.get("verification_uri_complete").asText()),
                    user.username(), user.password());
            Flows.assertPage(asked, RolloutSupport.PAGE);
            assertEquals(List.of(), RolloutSupport.events(env, user.id()));
        } finally {
            RolloutSupport.restore(env, before);
        }
    }
}

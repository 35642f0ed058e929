package org.vigi2fa.it.disable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Turning 2FA off from settings sets not-before: also the session that did it starts over with new tokens. */
@VigiTest
class DisableRevokesIT {

    @Test
    void tokensIssuedBeforeTheTurnOffDieTheApplicationGetsNewOnes(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("disablenbf");
        SignedIn before = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        OAuth oauth = before.oauth();
        WebSession browser = before.browser();
        try {
            // not-before is a whole second: the turn-off happens in a later second than the sign-in, as for a person
            env.moveClock(2);
            OAuth.AuthRequest turnOff = oauth.authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-disable");
            Page page = browser.get(turnOff.url());
            Flows.assertPage(page, "login-vigi-2fa-disable");
            Page end = browser.submit(page.form("#vigi-disable-form"),
                    Map.of("password", enrolled.user().password(), "otp", enrolled.totp().now(1)));
            assertEquals("success", end.redirectParams().get("kc_action_status"), end.toString());

            before.assertSignedOut("the refresh token from before is dead");
            JsonNode fresh = Grants.issued(Flows.tokens(oauth, turnOff, end));
            Grants.issued(oauth.refresh(VigiClient.VMS_CLOUD, fresh.get("refresh_token").asText()), "the new ones work");
            assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty());
        } finally {
            env.moveClock(0);
        }
    }
}

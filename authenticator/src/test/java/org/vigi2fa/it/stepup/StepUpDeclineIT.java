package org.vigi2fa.it.stepup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.stepup.StepUpSupport.NEEDED_PAGE;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "Not now" on "This application needs two-factor authentication": the application gets OpenID Connect's answer
 * (unmet_authentication_requirements, with its state and the issuer) instead of waiting, and nothing else happens.
 */
@VigiTest
class StepUpDeclineIT {

    @Test
    void notNowAnswersTheApplicationThatItsRequirementWasNotMet(VigiEnvironment env) {
        TestUser plain = env.newUser("stepup-decline");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD, "acr_values", "2");
        Page needed = visit.passwordStep(plain);
        Flows.assertPage(needed, NEEDED_PAGE);

        Page declined = visit.browser().submit(needed.form("#vigi-needed-form"), Map.of("decline", "true"));
        assertTrue(declined.isRedirect() && declined.redirect().startsWith(VigiClient.VMS_CLOUD.redirectUri), declined.toString());
        Map<String, String> answer = declined.redirectParams();
        assertEquals("unmet_authentication_requirements", answer.get("error"), answer.toString());
        assertEquals(visit.request().state(), answer.get("state"));
        assertEquals(env.realmUrl(), answer.get("iss"));
        assertFalse(answer.containsKey("code"), "no code, so no token at level 1: " + answer);

        assertTrue(env.otpCredentials(plain.id()).isEmpty(), "2FA stays off");
        // no session was made: the application's next request starts with the password
        Flows.assertPage(visit.then(VigiClient.VMS_CLOUD).open(), "login-login");
    }
}

package org.vigi2fa.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.testing.Flows.CODE_PAGE;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.keycloak.representations.idm.EventRepresentation;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * A hundred wrong codes in a row block the authenticator for good (NIST SP 800-63B-4 §3.2.2), across Keycloak's
 * temporary lockouts, which the test clock skips: each attempt comes 20 minutes after the last, past the longest wait.
 * A right code starts the count again; wrong passwords never count, so a stranger cannot block anyone.
 */
@VigiTest
@DisabledIfSystemProperty(named = "vigi.server", matches = "remote", disabledReason = "moves Keycloak's clock")
class WrongCodeLimitIT {

    private static final int LIMIT = 100;
    private static final int STEP_SECONDS = 20 * 60;
    private int offset;

    @AfterEach
    void restoreClock(VigiEnvironment env) {
        env.moveClock(0);
    }

    @Test
    void aHundredWrongCodesBlockTheAuthenticatorUntilItIsRebound(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("limit");
        for (int i = 1; i < LIMIT; i++) {
            Page wrong = wrongCode(env, enrolled);
            Flows.assertPage(wrong, CODE_PAGE);
            assertFalse(wrong.messages().contains("blocked"), "not blocked after " + i + " wrong codes");
        }
        Page blocked = wrongCode(env, enrolled);
        assertTrue(blocked.messages().contains("blocked"), "the 100th wrong code blocks: " + blocked.messages());

        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = nextAttempt(env, browser, enrolled);
        Page right = Flows.code(browser, codePage, enrolled.totp().now());
        Flows.assertPage(right, CODE_PAGE);
        assertTrue(right.messages().contains("blocked"), "even the right code is refused: " + right.messages());
        // the rebinding path (password + mailbox) stays open, once the lockout of that last try is over
        step(env);
        Flows.assertPage(LostPhoneSupport.clickLostPhone(browser, right), "login-vigi-2fa-lost-sent");

        env.moveClock(0); // the admin client's token is checked against Keycloak's clock
        EventRepresentation event = LostPhoneSupport.events(env, enrolled.user().id(), "CUSTOM_REQUIRED_ACTION_ERROR").stream()
                .filter(e -> "authenticator-blocked".equals(e.getDetails().get("vigi_2fa"))).findFirst().orElseThrow();
        assertEquals("authenticator_blocked", event.getError());
    }

    @Test
    void aRightCodeStartsTheCountAgain(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("limit-reset");
        for (int i = 1; i < LIMIT; i++) {
            wrongCode(env, enrolled);
        }
        signsIn(env, enrolled, enrolled.totp().now());
        wrongCode(env, enrolled);
        // a code not used yet (a used one is refused as a replay): the next period's, inside the look-around window
        signsIn(env, enrolled, enrolled.totp().now(1));
    }

    @Test
    void wrongPasswordsNeverBlockTheAuthenticator(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("limit-password");
        for (int i = 0; i < LIMIT; i++) {
            step(env);
            WebSession stranger = new WebSession(env.baseUrl());
            Page refused = Flows.password(stranger, stranger.get(new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD).url()),
                    enrolled.user().username(), "not-the-password-" + i);
            Flows.assertPage(refused, "login-login");
        }
        signsIn(env, enrolled, enrolled.totp().now());
    }

    /** A fresh sign-in 20 minutes (Keycloak's clock) after the last, up to a wrong code; the page that answers. */
    private Page wrongCode(VigiEnvironment env, EnrolledUser enrolled) {
        WebSession browser = new WebSession(env.baseUrl());
        return Flows.code(browser, nextAttempt(env, browser, enrolled), enrolled.totp().wrongNow());
    }

    /** Password and the code: back at the client. Codes follow the system clock; Keycloak's moved clock does not change them. */
    private void signsIn(VigiEnvironment env, EnrolledUser enrolled, String code) {
        WebSession browser = new WebSession(env.baseUrl());
        Page end = Flows.code(browser, nextAttempt(env, browser, enrolled), code);
        assertTrue(end.isRedirect() && end.redirectParams().containsKey("code"), "signed in with the right code: " + end);
    }

    private Page nextAttempt(VigiEnvironment env, WebSession browser, EnrolledUser enrolled) {
        step(env);
        return Flows.codePage(browser, new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), enrolled.user());
    }

    /** Keycloak's clock 20 minutes on: past the realm's longest lockout (15 min) and its quick-login check. */
    private void step(VigiEnvironment env) {
        offset += STEP_SECONDS;
        env.moveClock(offset);
    }

}

package org.vigi2fa.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.AccountConsoleClient;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The account REST API the console reads: no "Set up" while the user has an authenticator, our help text, and per
 * authenticator one info line: when the code step last signed the user in (epoch milliseconds, which the console's
 * message formats in the browser like its own "Created") and to which application. No second "turned on" date.
 */
@VigiTest
class LastSignInIT {

    private static final String LAST_USE = "vigi2faAccountLastUse";
    private static final String NOT_USED_YET = "vigi2faAccountNotUsedYet";
    /** Positions in the info line: the key, the time of the last sign-in, the application. */
    private static final int WHEN = 1;
    private static final int APPLICATION = 2;

    @Test
    void setUpIsOfferedOnlyWhileTheUserHasNoAuthenticator(VigiEnvironment env) throws Exception {
        TestUser user = env.newUser("setupoffer");
        String token = AccountView.consoleToken(env, user, null);
        JsonNode off = AccountView.otpType(env, token);
        assertEquals("CONFIGURE_TOTP", off.path("createAction").asText(), off.toString());
        assertEquals("vigi2faAccountHelp", off.path("helptext").asText(), off.toString());

        // An administrator adds one; the same token, the next look at "Signing in".
        env.addOtp(user.id());
        JsonNode on = AccountView.otpType(env, token);
        assertTrue(on.path("createAction").isMissingNode() || on.path("createAction").isNull(), "no 'Set up' while on: " + on);
        assertTrue(on.path("removeable").asBoolean(), "the remove action ('Turn off') stays: " + on);
        assertEquals("otp-display-name", on.path("displayName").asText());
        assertEquals(List.of(NOT_USED_YET), AccountView.infoMessage(on), on.toString());
        assertFalse(AccountView.hasInfoProperties(on), "the console's own 'Created' is the one turn-on date: " + on);
    }

    @Test
    void theCodeStepRecordsWhenAndToWhichApplication(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("lastuse");
        TestUser user = enrolled.user();
        // Signing in to the account console itself is a sign-in with the code: its name is shown as the login theme
        // words it (Keycloak's own clients have message keys as names), not its client id.
        String token = AccountView.consoleToken(env, user, enrolled.totp().now());
        List<String> first = AccountView.infoMessage(AccountView.otpType(env, token));
        assertEquals(3, first.size(), first.toString());
        assertEquals(LAST_USE, first.get(0));
        assertEquals("Account Console", first.get(APPLICATION));
        assertNear(Instant.now(), first.get(WHEN));

        // A wrong code records nothing.
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest cloud = oauth.authRequest(VigiClient.VMS_CLOUD);
        WebSession phone = new WebSession(env.baseUrl());
        Page refused = Flows.code(phone, Flows.passwordStep(phone, cloud, user), enrolled.totp().wrongNow());
        Flows.assertPage(refused, Flows.CODE_PAGE);
        assertEquals(first, AccountView.infoMessage(AccountView.otpType(env, token)));

        // The right code at VMS Cloud: the application's name from the realm.
        Flows.tokens(oauth, cloud, Flows.code(phone, refused, enrolled.totp().now(1)));
        List<String> second = AccountView.infoMessage(AccountView.otpType(env, token));
        assertEquals("VIGI VMS Cloud", second.get(APPLICATION), second.toString());
        assertNear(Instant.now(), second.get(WHEN));
    }

    @Test
    void theSameDeviceAndApplicationWithinTheHourRecordNothingAnHourLaterThey(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("lastuse-hour");
        WebSession browser = new WebSession(env.baseUrl());
        Totp.awayFromPeriodEdge(); // the first code is the previous period's: still accepted in this one
        List<String> first = shownAfterCloudSignIn(env, enrolled, browser, 0, enrolled.totp().now(-1));
        assertEquals("VIGI VMS Cloud", first.get(APPLICATION), first.toString());
        assertNear(Instant.now(), first.get(WHEN));
        try {
            // ten minutes later (a time the page would show differently), the same browser: nothing written
            List<String> soon = shownAfterCloudSignIn(env, enrolled, browser, 600, enrolled.totp().now());
            assertEquals(first.get(WHEN), soon.get(WHEN), "a sign-in within the hour from the same device writes nothing");
            // over an hour after the recorded one: recorded again
            List<String> later = shownAfterCloudSignIn(env, enrolled, browser, 3600 + 120, enrolled.totp().now(1));
            assertNear(Instant.now().plusSeconds(3600 + 120), later.get(WHEN));
        } finally {
            env.moveClock(0);
        }
    }

    /**
     * Signs in to VMS Cloud with the password and the code in this browser (prompt=login: never by SSO) at Keycloak's
     * clock moved by {@code offset} seconds, then reads the console's view with a token the same browser gets by SSO
     * (no code step, so nothing else is recorded). The code is one of the real time's window (the OTP check reads the
     * system clock), a later period each time (a used code and older ones are refused).
     */
    private static List<String> shownAfterCloudSignIn(VigiEnvironment env, EnrolledUser enrolled, WebSession browser,
            int offset, String code) throws Exception {
        env.moveClock(offset);
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest cloud = oauth.authRequest(VigiClient.VMS_CLOUD, "prompt", "login");
        Flows.tokens(oauth, cloud, Flows.code(browser, Flows.passwordStep(browser, cloud, enrolled.user()), code));
        AccountConsoleClient console = new AccountConsoleClient(env.realmUrl());
        String token = console.redeem(browser.get(console.authUrl()));
        return AccountView.infoMessage(AccountView.otpType(env, token));
    }

    /** The value is a time in epoch milliseconds (the browser formats it) within a few minutes of this instant. */
    private static void assertNear(Instant expected, String shown) {
        assertTrue(shown != null && shown.matches("[0-9]{10,15}"), "epoch milliseconds: " + shown);
        Instant parsed = Instant.ofEpochMilli(Long.parseLong(shown));
        assertTrue(Duration.between(parsed, expected).abs().compareTo(Duration.ofMinutes(5)) < 0, shown + " vs " + expected);
    }
}

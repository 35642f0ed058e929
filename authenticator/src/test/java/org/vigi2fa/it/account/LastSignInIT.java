package org.vigi2fa.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.AccountConsoleClient;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The account REST API the console reads: no "Set up" while the user has an authenticator, our help text, and per
 * authenticator when it was turned on, when the code step last signed the user in and to which application.
 */
@VigiTest
class LastSignInIT {

    private static final String TURNED_ON = "vigi2faAccountTurnedOn";
    private static final String LAST_SIGN_IN = "vigi2faAccountLastSignIn";
    private static final String APPLICATION = "vigi2faAccountApplication";
    private static final String NOT_USED_YET = "vigi2faAccountNotUsedYet";
    /** The server formats for the user's language (here the realm's default, English), in UTC. */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.ENGLISH).withZone(ZoneOffset.UTC);

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
        Map<String, String> shown = AccountView.infoProperties(on);
        assertEquals(List.of(TURNED_ON, NOT_USED_YET), List.copyOf(shown.keySet()), on.toString());
        assertNear(Instant.ofEpochMilli(env.otpCredentials(user.id()).get(0).getCreatedDate()), shown.get(TURNED_ON));
    }

    @Test
    void theCodeStepRecordsWhenAndToWhichApplication(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("lastuse");
        TestUser user = enrolled.user();
        // Signing in to the account console itself is a sign-in with the code: its name is shown as the login theme
        // words it (Keycloak's own clients have message keys as names), not its client id.
        String token = AccountView.consoleToken(env, user, enrolled.totp().now());
        Map<String, String> first = AccountView.infoProperties(AccountView.otpType(env, token));
        assertEquals(List.of(TURNED_ON, LAST_SIGN_IN, APPLICATION), List.copyOf(first.keySet()), first.toString());
        assertEquals("Account Console", first.get(APPLICATION));
        assertNear(Instant.now(), first.get(LAST_SIGN_IN));

        // A wrong code records nothing.
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest cloud = oauth.authRequest(VigiClient.VMS_CLOUD);
        WebSession phone = new WebSession(env.baseUrl());
        Page refused = Flows.code(phone, Flows.passwordStep(phone, cloud, user), enrolled.totp().wrongNow());
        Flows.assertPage(refused, Flows.CODE_PAGE);
        assertEquals(first, AccountView.infoProperties(AccountView.otpType(env, token)));

        // The right code at VMS Cloud: the application's name from the realm.
        Flows.tokens(oauth, cloud, Flows.code(phone, refused, enrolled.totp().now(1)));
        Map<String, String> second = AccountView.infoProperties(AccountView.otpType(env, token));
        assertEquals("VIGI VMS Cloud", second.get(APPLICATION), second.toString());
        assertNear(Instant.now(), second.get(LAST_SIGN_IN));
        assertEquals(first.get(TURNED_ON), second.get(TURNED_ON));
    }

    @Test
    void theSameDeviceAndApplicationWithinTheHourRecordNothingAnHourLaterThey(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("lastuse-hour");
        WebSession browser = new WebSession(env.baseUrl());
        Map<String, String> first = shownAfterCloudSignIn(env, enrolled, browser, 0, enrolled.totp().now(-1));
        assertEquals("VIGI VMS Cloud", first.get(APPLICATION), first.toString());
        assertNear(Instant.now(), first.get(LAST_SIGN_IN));
        try {
            // ten minutes later (a time the page would show differently), the same browser: nothing written
            Map<String, String> soon = shownAfterCloudSignIn(env, enrolled, browser, 600, enrolled.totp().now());
            assertEquals(first.get(LAST_SIGN_IN), soon.get(LAST_SIGN_IN), "a sign-in within the hour from the same device writes nothing");
            // over an hour after the recorded one: recorded again
            Map<String, String> later = shownAfterCloudSignIn(env, enrolled, browser, 3600 + 120, enrolled.totp().now(1));
            assertNear(Instant.now().plusSeconds(3600 + 120), later.get(LAST_SIGN_IN));
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
    private static Map<String, String> shownAfterCloudSignIn(VigiEnvironment env, EnrolledUser enrolled, WebSession browser,
            int offset, String code) throws Exception {
        env.moveClock(offset);
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest cloud = oauth.authRequest(VigiClient.VMS_CLOUD, "prompt", "login");
        Flows.tokens(oauth, cloud, Flows.code(browser, Flows.passwordStep(browser, cloud, enrolled.user()), code));
        AccountConsoleClient console = new AccountConsoleClient(env.realmUrl());
        String token = console.redeem(browser.get(console.authUrl()));
        return AccountView.infoProperties(AccountView.otpType(env, token));
    }

    /** The value is a date the server formatted within a few minutes of this instant, with its zone named. */
    private static void assertNear(Instant expected, String shown) {
        assertTrue(shown != null && shown.endsWith(" UTC"), "a date in UTC: " + shown);
        Instant parsed = SHOWN.parse(shown.substring(0, shown.length() - " UTC".length()), Instant::from);
        assertTrue(Duration.between(parsed, expected).abs().compareTo(Duration.ofMinutes(5)) < 0, shown + " vs " + expected);
    }
}

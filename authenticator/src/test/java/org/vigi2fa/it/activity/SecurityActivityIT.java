package org.vigi2fa.it.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The security-activity table on a running server: what a sign-in with the code writes (device, address,
 * application, authenticator), one row an hour per device and application, a second device, the events other pages
 * record, and that rows go with the user and past the retention.
 */
@VigiTest
class SecurityActivityIT {

    private static final String SIGN_IN = "sign-in-code";

    @Test
    void aCodeSignInIsRecordedOncePerDeviceAndApplicationAnHour(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("activity");
        // codes of rising periods, away from a period's edge: a later sign-in never reuses an earlier one's code
        Totp.awayFromPeriodEdge();
        SignedIn first = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now(-1));
        List<JsonNode> rows = ActivityRows.ofKind(env, enrolled.user().id(), SIGN_IN);
        assertEquals(1, rows.size(), rows.toString());
        JsonNode row = rows.get(0);
        assertEquals(VigiClient.VMS_CLOUD.clientId, row.path("clientId").asText());
        assertEquals(env.otpCredentials(enrolled.user().id()).get(0).getId(), row.path("credentialId").asText());
        assertFalse(row.path("ipAddress").asText().isBlank(), row.toString());
        assertTrue(row.path("deviceId").asText().matches("[0-9a-f-]{36}"), row.toString());
        assertTrue(first.browser().cookies().containsKey("VIGI_DEVICE"), first.browser().cookies().keySet().toString());

        // the same browser signs in again to the same application: no second row within the hour
        OAuth.AuthRequest again = first.oauth().authRequest(VigiClient.VMS_CLOUD, "prompt", "login");
        Flows.signInWithCode(first.oauth(), first.browser(), again, enrolled.user(), enrolled.totp().now());
        assertEquals(1, ActivityRows.ofKind(env, enrolled.user().id(), SIGN_IN).size());

        // another browser is another device
        SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD, enrolled.totp().now(1));
        List<JsonNode> two = ActivityRows.ofKind(env, enrolled.user().id(), SIGN_IN);
        assertEquals(2, two.size(), two.toString());
        assertNotEquals(two.get(0).path("deviceId").asText(), two.get(1).path("deviceId").asText());
        assertTrue(two.get(0).path("createdAt").asLong() >= two.get(1).path("createdAt").asLong(), "newest first");
    }

    @Test
    void turningTwoFactorOffIsRecordedOnceAndOnlyForThatUser(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("activity-off");
        EnrolledUser other = env.newUserWithOtp("activity-other");
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        Page page = signedIn.startAction("vigi-2fa-disable");
        Page end = signedIn.browser().submit(page.form("#vigi-disable-form"),
                Map.of("password", enrolled.user().password(), "otp", enrolled.totp().now(1)));
        assertTrue(end.isRedirect(), end.text());
        List<JsonNode> off = ActivityRows.ofKind(env, enrolled.user().id(), "settings-disable");
        assertEquals(1, off.size(), ActivityRows.of(env, enrolled.user().id()).toString());
        assertEquals(VigiClient.VMS_CLOUD.clientId, off.get(0).path("clientId").asText());
        assertEquals(List.of(), ActivityRows.of(env, other.user().id()), "another user's rows hold none of this one's");
    }

    @Test
    void rowsGoWithTheUser(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("activity-gone");
        SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        assertEquals(1, ActivityRows.ofKind(env, enrolled.user().id(), SIGN_IN).size());
        env.realm().users().delete(enrolled.user().id()).close();
        assertEquals(List.of(), ActivityRows.of(env, enrolled.user().id()));
    }

    @Test
    void rowsPastTheRetentionGoWhenTheTaskRuns(VigiEnvironment env) {
        EnrolledUser old = env.newUserWithOtp("activity-old");
        SignedIn.withCode(env, old, VigiClient.VMS_CLOUD);
        try {
            env.moveClock(91 * 86_400); // the default retention is 90 days
            ActivityRows.runRetention(env);
        } finally {
            env.moveClock(0);
        }
        assertEquals(List.of(), ActivityRows.of(env, old.user().id()), "a row 91 days old is gone");

        EnrolledUser recent = env.newUserWithOtp("activity-recent");
        SignedIn.withCode(env, recent, VigiClient.VMS_CLOUD);
        ActivityRows.runRetention(env);
        assertEquals(1, ActivityRows.ofKind(env, recent.user().id(), SIGN_IN).size(), "a row of today stays");
    }
}

package org.vigi2fa.it.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.Blocking;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.RecoverySeed;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The adoption report ({@code GET /admin/realms/{realm}/vigi-2fa/adoption}): its figures move by exactly what seeded
 * users add (the realm holds other tests' users, so the test compares before and after), and a token without
 * {@code view-users} gets 403.
 */
@VigiTest
class AdoptionReportIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theFiguresMoveByTheSeededUsers(VigiEnvironment env) throws Exception {
        JsonNode before = report(env, env.admin().tokenManager().getAccessTokenString(), 200);
        TestUser enrolsOnThePage = env.newUser("adoption-enrols");
        MetricsJourneys.enrol(env, enrolsOnThePage);
        EnrolledUser fewCodes = env.newUserWithOtp("adoption-few");
        SignedIn.trustingTheDevice(env, fewCodes, VigiClient.VMS_CLOUD, fewCodes.totp().now());
        RecoverySeed.give(env, fewCodes.user().id(), 2); // after the sign-in, which would ask for a new set
        EnrolledUser manyCodes = env.newUserWithOtp("adoption-many");
        RecoverySeed.give(env, manyCodes.user().id(), 12);
        env.newUser("adoption-without");
        EnrolledUser helped = env.newUserWithOtp("adoption-helped");
        SignedIn.withCode(env, helped, VigiClient.VMS_CLOUD); // how 26.4 and 26.5 know the removed credential (HelpDeskResetIT)
        env.realm().users().get(helped.user().id()).removeCredential(env.otpCredentials(helped.user().id()).get(0).getId());

        JsonNode after = report(env, env.admin().tokenManager().getAccessTokenString(), 200);
        assertEquals(VigiEnvironment.REALM, after.path("realm").asText());
        assertEquals(5, delta(before, after, "users"));
        assertEquals(3, delta(before, after, "withTwoFactor"), "enrolled on the page, and the two with codes");
        assertEquals(2, delta(before, after, "withoutTwoFactor"), "never enrolled, and turned off by the administrator");
        assertEquals(1, delta(before, after, "fewRecoveryCodes"), "2 codes left is few, 12 is not");
        assertEquals(1, delta(before, after, "withTrustedDevices"));
        assertEquals(8, after.path("weeks").size(), "eight weeks unless asked");
        assertEquals(1, after.path("weeks").get(0).path("enrolments").asLong() - before.path("weeks").get(0).path("enrolments").asLong());
        assertEquals(1, after.path("weeks").get(0).path("turnOffs").asLong() - before.path("weeks").get(0).path("turnOffs").asLong());
    }

    @Test
    void aTokenWithoutViewUsersIsRefused(VigiEnvironment env) throws Exception {
        EnrolledUser user = env.newUserWithOtp("adoption-nosy");
        report(env, SignedIn.withCode(env, user, VigiClient.VMS_CLOUD).accessToken(), 403);
    }

    private static JsonNode report(VigiEnvironment env, String token, int status) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(env.baseUrl() + "/admin/realms/" + VigiEnvironment.REALM
                + "/vigi-2fa/adoption")).header("Authorization", "Bearer " + token).build();
        HttpResponse<String> response = Blocking.call(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals(status, response.statusCode(), response.body());
        return status == 200 ? new ObjectMapper().readTree(response.body()) : null;
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.path(field).asLong() - before.path(field).asLong();
    }
}

package org.vigi2fa.it.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.VigiClient;

/** Turning 2FA on ends what a password alone obtained before; two enrolments at once store one authenticator. */
@VigiTest
class EnrolRevokesIT {

    @Test
    void refreshAndOfflineTokensFromBefore2faDieTheEnrollingSessionGoesOn(VigiEnvironment env) {
        TestUser user = env.newUser("enrolrevoke");
        // what a phished password gave an attacker before the victim turned 2FA on: an offline App token and a portal session
        SignedIn offline = SignedIn.offlineWithPassword(env, user, VigiClient.VIGI_APP);
        SignedIn online = SignedIn.withPassword(env, user, VigiClient.VMS_CLOUD);

        Enrolment enrolment = Enrolment.fromVmsCloud(env, user);
        Page back = enrolment.enrol();
        enrolment.assertBackAtApp(back, "success");

        offline.assertSignedOut("the offline App token from before is dead");
        online.assertSignedOut("the portal session from before is dead");

        JsonNode fresh = Grants.issued(Flows.tokens(enrolment.oauth, enrolment.request, back), "the enrolling session gets its tokens");
        Grants.issued(enrolment.oauth.refresh(VigiClient.VMS_CLOUD, fresh.get("refresh_token").asText()), "and keeps refreshing them");
    }

    @Test
    void twoSessionsFinishingTogetherStoreOneAuthenticator(VigiEnvironment env) throws Exception {
        for (int round = 0; round < 3; round++) {
            TestUser user = env.newUser("enrolrace");
            Enrolment first = Enrolment.fromVmsCloud(env, user);
            Enrolment second = Enrolment.from(env, user, new WebSession(env.baseUrl()), VigiClient.VIGI_APP, Enrolment.ACTION);
            Page scanA = first.toScan();
            Page scanB = second.toScan();
            List<Integer> statuses = RawPosts.together(List.of(
                    new RawPosts.Post(first.browser, scanA.form("#vigi-scan-form").absUrl("action"),
                            Map.of("otp", Enrolment.phone(scanA).now())),
                    new RawPosts.Post(second.browser, scanB.form("#vigi-scan-form").absUrl("action"),
                            Map.of("otp", Enrolment.phone(scanB).now()))));
            statuses.forEach(status -> assertTrue(status < 500, "no server error: " + statuses));
            assertEquals(1, env.otpCredentials(user.id()).size(), "round " + round + ": exactly one authenticator, " + statuses);
        }
    }
}

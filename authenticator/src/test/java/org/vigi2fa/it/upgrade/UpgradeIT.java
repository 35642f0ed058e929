package org.vigi2fa.it.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vigi2fa.activity.ActivityIds;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;
import org.vigi2fa.testing.server.OperatorInstall;

/**
 * An operator replaces the JAR of release 1.0.0 (built by the test from commit 48d3f2b, before the activity table) by
 * this build's, on the same database: the realm, a user, the authenticator, a trusted browser and recovery codes made
 * by 1.0.0 with data in the database. Keycloak then creates the activity table on that database at start, the user
 * signs in with a code (a row in the table, the 1.0.0 last-sign-in attribute removed), the trusted browser still skips
 * the code and a recovery code from 1.0.0 still signs in.
 */
@EnabledIfSystemProperty(named = "vigi.server", matches = "dist",
        disabledReason = "starts its own copy of the unpacked distribution twice, which only the distribution mode has")
class UpgradeIT {

    @Test
    void whatReleaseOneStoredKeepsWorkingAfterTheJarIsReplaced() {
        EarlierRelease earlier = EarlierRelease.build(EarlierRelease.BEFORE_ACTIVITY_TABLE);
        OperatorInstall install = OperatorInstall.fresh("upgrade", earlier.realmFile(), Map.of("VIGI_RECOVERY_CODES", "optional"));
        InstallSteps.Enrolled enrolled;
        String trustedCookie;
        try (VigiEnvironment before = VigiEnvironment.over(install.start(List.of(earlier.jar())), install.smtpPort())) {
            assertTrue(install.log().contains("VIGI 2FA 1.0.0 on Keycloak"), "release 1.0.0 runs");
            InstallSteps.showUndeclaredAttributes(before);
            enrolled = InstallSteps.turnOn(before, "upgrade");
            Totp.awayFromPeriodEdge();
            trustedCookie = SignedIn.trustingTheDevice(before, enrolled.enrolled(), VigiClient.VMS_CLOUD, enrolled.totp().now(1))
                    .browser().cookies().get(SignedIn.TRUSTED_DEVICE_COOKIE);
            assertEquals(1, InstallSteps.attribute(before, enrolled.user().id(), InstallSteps.LAST_SIGN_IN_ATTRIBUTE).size(),
                    "1.0.0 keeps the last sign-in as a user attribute");
            assertEquals(List.of("otp", "password", InstallSteps.RECOVERY_CODES_TYPE, InstallSteps.TRUSTED_DEVICE_TYPE),
                    InstallSteps.credentialTypes(before, enrolled.user().id()));
        }

        try (VigiEnvironment after = VigiEnvironment.over(install.start(OperatorInstall.thisBuild()), install.smtpPort())) {
            String userId = enrolled.user().id();
            assertFalse(install.log().contains(" ERROR "), "the upgraded start logs no error:\n" + install.log());
            assertTrue(InstallSteps.activity(after, userId).isEmpty(), "the activity table exists on the old database, empty");
            assertTrue(InstallSteps.attribute(after, userId, InstallSteps.LAST_SIGN_IN_ATTRIBUTE).size() == 1,
                    "the attribute stays until the user's next sign-in with the code");

            // the browser 1.0.0 trusted: the password alone, no code page
            OAuth oauth = new OAuth(after.realmUrl());
            OAuth.AuthRequest trustedRequest = oauth.authRequest(VigiClient.VMS_CLOUD);
            Page trusted = InstallSteps.trustedVisit(after, SignedIn.TRUSTED_DEVICE_COOKIE, trustedCookie, trustedRequest, enrolled.user());
            JsonNode trustedTokens = Grants.issued(Flows.tokens(oauth, trustedRequest, trusted), "the trusted browser skips the code");
            assertEquals(userId, OAuth.claims(trustedTokens.get("access_token").asText()).get("sub").asText());

            // a code from the authenticator 1.0.0 stored: a row in the table, the old attribute gone
            Totp.awayFromPeriodEdge();
            SignedIn.withCode(after, enrolled.enrolled(), VigiClient.VMS_CLOUD, enrolled.totp().now(1));
            List<JsonNode> codeRows = InstallSteps.activity(after, userId).stream()
                    .filter(row -> ActivityIds.KIND_SIGN_IN_CODE.equals(row.path("kind").asText())).toList();
            assertEquals(1, codeRows.size(), "one sign-in with the code recorded: " + InstallSteps.activity(after, userId));
            assertEquals(VigiClient.VMS_CLOUD.clientId, codeRows.get(0).path("clientId").asText(), codeRows.toString());
            assertEquals(List.of(), InstallSteps.attribute(after, userId, InstallSteps.LAST_SIGN_IN_ATTRIBUTE),
                    "the 1.0.0 attribute is removed at the first sign-in with the code");

            // a recovery code of the set 1.0.0 made
            InstallSteps.recoverySignIn(after, enrolled.user(), enrolled.recoveryCodes().get(0));
            assertFalse(InstallSteps.activity(after, userId).stream()
                    .noneMatch(row -> ActivityIds.KIND_SIGN_IN_RECOVERY.equals(row.path("kind").asText())), "recovery sign-in recorded");
        }
    }
}

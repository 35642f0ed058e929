package org.vigi2fa.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.RecoverySeed;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** The end of turning 2FA on offers recovery codes (setting: required / optional / off), stored as Keycloak's credential. */
@VigiTest
class RecoveryEnrolIT {

    @Test
    void theCodesShownAtEnrolmentAreStoredAsKeycloaksRecoveryCredential(VigiEnvironment env) {
        RecoverySupport.withSetting(env, "optional", () -> {
            Walk walk = Walk.toCodesPage(env, env.newUser("rc-enrol"));
            List<String> codes = RecoverySupport.shownCodes(walk.codesPage);
            assertTrue(RecoverySeed.stored(env, walk.user.id()).isEmpty(), "nothing stored before 'I saved them'");
            assertNotNull(walk.codesPage.document().selectFirst("#vigi-recovery-copy"), "copy");
            assertNotNull(walk.codesPage.document().selectFirst("#vigi-recovery-download"), "download");
            assertNotNull(walk.codesPage.document().selectFirst("#vigi-recovery-print"), "print");
            assertEquals(codes, RecoverySupport.shownCodes(walk.browser.get(walk.codesPage.form("#vigi-recovery-codes-form").absUrl("action").replaceAll("session_code=[^&]*&?", ""))), "a reload shows the same list");

            Page notTicked = walk.browser.submit(walk.codesPage.form("#vigi-recovery-codes-form"), Map.of());
            Flows.assertRefused(notTicked, "Tick");
            Page end = RecoverySupport.saved(walk.browser, notTicked);
            assertTrue(end.isRedirect(), end + " " + end.text());
            assertEquals(1, RecoverySeed.stored(env, walk.user.id()).size(), "stored as type recovery-authn-codes");
            assertEquals(12, RecoverySupport.left(env, walk.user.id()));
            assertEquals(1, RecoverySupport.events(env, walk.user.id(), "UPDATE_CREDENTIAL", "recovery-codes-generated").size());

            // a shown code signs in, in place of the authenticator code
            OAuth oauth = new OAuth(env.realmUrl());
            OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
            WebSession other = new WebSession(env.baseUrl());
            JsonNode tokens = Flows.tokens(oauth, request, RecoverySupport.signIn(other, request, walk.user, codes.get(0)));
            assertEquals(200, tokens.get("status").asInt(), tokens.toString());
        });
    }

    @Test
    void optionalCanBeSkippedAndStoresNothing(VigiEnvironment env) {
        RecoverySupport.withSetting(env, "optional", () -> {
            Walk walk = Walk.toCodesPage(env, env.newUser("rc-skip"));
            Page end = walk.browser.submit(walk.codesPage.form("#vigi-recovery-codes-form"), Map.of("skip", "true"));
            assertTrue(end.isRedirect(), end + " " + end.text());
            assertTrue(RecoverySeed.stored(env, walk.user.id()).isEmpty());
            assertEquals(1, env.otpCredentials(walk.user.id()).size(), "2FA itself is on");
        });
    }

    @Test
    void requiredCannotBeSkippedAndComesBackAtTheNextSignIn(VigiEnvironment env) {
        RecoverySupport.withSetting(env, "required", () -> {
            Walk walk = Walk.toCodesPage(env, env.newUser("rc-required"));
            assertNull(walk.codesPage.document().selectFirst("#vigi-recovery-skip"), "no skip button");
            Page forged = walk.browser.submit(walk.codesPage.form("#vigi-recovery-codes-form"), Map.of("skip", "true"));
            Flows.assertPage(forged, RecoverySupport.PAGE_CODES);
            assertTrue(RecoverySeed.stored(env, walk.user.id()).isEmpty());

            // a new browser: password and code, then the codes page again
            WebSession other = new WebSession(env.baseUrl());
            Page again = Flows.code(other, Flows.codePage(other, new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), walk.user),
                    walk.totp.now(1));
            Page end = RecoverySupport.saved(other, again);
            assertTrue(end.isRedirect(), end.toString());
            assertEquals(1, RecoverySeed.stored(env, walk.user.id()).size());
        });
    }

    @Test
    void offShowsNoCodesPage(VigiEnvironment env) {
        RecoverySupport.withSetting(env, "off", () -> {
            TestUser user = env.newUser("rc-off");
            Walk walk = Walk.toScan(env, user);
            Page end = walk.browser.submit(walk.scan.form("#vigi-scan-form"), Map.of("otp", walk.totp.now()));
            assertTrue(end.isRedirect(), end + " " + end.text());
            assertEquals("success", end.redirectParams().get("kc_action_status"));
            assertTrue(RecoverySeed.stored(env, user.id()).isEmpty());
        });
    }

    /** One user's turn-on in one browser, up to the scan page or the codes page. */
    static final class Walk {
        final TestUser user;
        final WebSession browser;
        Page scan;
        Totp totp;
        Page codesPage;

        private Walk(TestUser user, WebSession browser) {
            this.user = user;
            this.browser = browser;
        }

        static Walk toScan(VigiEnvironment env, TestUser user) {
            Walk walk = new Walk(user, new WebSession(env.baseUrl()));
            OAuth.AuthRequest request = RecoverySupport.action(env, VigiClient.VMS_CLOUD, "vigi-2fa-enable");
            Page confirm = Flows.passwordStep(walk.browser, request, user);
            Page password = walk.browser.submit(confirm.form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
            walk.scan = walk.browser.submit(password.form("#vigi-password-form"), Map.of("password", user.password()));
            Flows.assertPage(walk.scan, "login-vigi-2fa-enable-scan");
            walk.totp = Totp.ofBase32(walk.scan.document().selectFirst("#vigi-secret").text().replace(" ", ""));
            return walk;
        }

        static Walk toCodesPage(VigiEnvironment env, TestUser user) {
            Walk walk = toScan(env, user);
            walk.codesPage = walk.browser.submit(walk.scan.form("#vigi-scan-form"), Map.of("otp", walk.totp.now()));
            Flows.assertPage(walk.codesPage, RecoverySupport.PAGE_CODES);
            assertFalse(env.otpCredentials(user.id()).isEmpty(), "the authenticator is stored before the codes page");
            return walk;
        }
    }
}

package org.vigi2fa.it.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;
import org.vigi2fa.testing.server.OperatorInstall;
import org.vigi2fa.testing.server.ServerSettings;

/**
 * An operator removes the JAR the README's way: realm-config/unwire-realm.sh on the running server (twice: the second
 * run changes nothing), then the server again without the JAR on the same database, which holds what the JAR stored (an
 * authenticator turned on through the VIGI pages, recovery codes, a trusted device, rows of the activity table). The
 * server starts, and the user signs in with Keycloak's built-in OTP form and codes of the same authenticator app.
 */
@EnabledIfSystemProperty(named = "vigi.server", matches = "dist",
        disabledReason = "starts its own copy of the unpacked distribution twice, which only the distribution mode has")
class RemovalIT {

    private static final String BUILT_IN_OTP_PAGE = "login-login-otp";

    @Test
    void afterTheDocumentedStepsTheSameAuthenticatorSignsInWithKeycloaksOwnForm() {
        Path realmFile = Path.of(System.getProperty("vigi.realm.file"));
        OperatorInstall install = OperatorInstall.fresh("removal", realmFile, Map.of("VIGI_RECOVERY_CODES", "optional"));
        InstallSteps.Enrolled enrolled;
        String trustedCookie;
        try (VigiEnvironment with = VigiEnvironment.over(install.start(OperatorInstall.thisBuild()), install.smtpPort())) {
            enrolled = InstallSteps.turnOn(with, "removal");
            Totp.awayFromPeriodEdge();
            trustedCookie = SignedIn.trustingTheDevice(with, enrolled.enrolled(), VigiClient.VMS_CLOUD, enrolled.totp().now(1))
                    .browser().cookies().get(SignedIn.TRUSTED_DEVICE_COOKIE);
            assertFalse(InstallSteps.activity(with, enrolled.user().id()).isEmpty(), "the activity table holds the user's rows");

            String first = unwire(with, install);
            assertTrue(first.contains("Done: "), first);
            String second = unwire(with, install);
            assertTrue(second.contains("Nothing to change"), second);
        }

        try (VigiEnvironment without = VigiEnvironment.over(install.start(List.of()), install.smtpPort())) {
            String userId = enrolled.user().id();
            assertFalse(install.log().contains(" ERROR "), "a start without the JAR logs no error:\n" + install.log());
            OAuth oauth = new OAuth(without.realmUrl());
            OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
            WebSession browser = new WebSession(without.baseUrl());
            Page otpForm = Flows.passwordStep(browser, request, enrolled.user());
            Flows.assertPage(otpForm, BUILT_IN_OTP_PAGE);
            Totp.awayFromPeriodEdge();
            Page wrong = browser.submit(otpForm.form("#kc-otp-login-form"), Map.of("otp", enrolled.totp().wrongNow()));
            Flows.assertPage(wrong, BUILT_IN_OTP_PAGE);
            Page end = browser.submit(wrong.form("#kc-otp-login-form"), Map.of("otp", enrolled.totp().now(1)));
            JsonNode tokens = Grants.issued(Flows.tokens(oauth, request, end), "Keycloak's OTP form takes the code of the same app");
            assertEquals(userId, OAuth.claims(tokens.get("access_token").asText()).get("sub").asText());

            // the browser the JAR trusted is asked for the code: nothing reads its cookie any more
            OAuth.AuthRequest again = oauth.authRequest(VigiClient.VMS_CLOUD);
            Flows.assertPage(InstallSteps.trustedVisit(without, SignedIn.TRUSTED_DEVICE_COOKIE, trustedCookie, again, enrolled.user()),
                    BUILT_IN_OTP_PAGE);
            // left behind, as the README lists them, and harmless
            assertEquals(List.of("otp", "password", InstallSteps.RECOVERY_CODES_TYPE, InstallSteps.TRUSTED_DEVICE_TYPE),
                    InstallSteps.credentialTypes(without, userId));
        }
    }

    /** Runs realm-config/unwire-realm.sh with the install's own kcadm.sh, as the README tells the operator; its output. */
    private static String unwire(VigiEnvironment env, OperatorInstall install) {
        Path script = Path.of(System.getProperty("vigi.project.dir"), "realm-config", "unwire-realm.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "--server", env.baseUrl(), "--realm",
                VigiEnvironment.REALM, "--user", ServerSettings.ADMIN_USER, "--kcadm", install.kcadm().toString())
                .redirectErrorStream(true);
        builder.environment().put("KC_ADMIN_PASSWORD", ServerSettings.ADMIN_PASSWORD);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("unwire-realm.sh failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("could not run unwire-realm.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while unwire-realm.sh ran", e);
        }
    }
}

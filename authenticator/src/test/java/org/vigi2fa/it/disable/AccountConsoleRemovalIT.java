package org.vigi2fa.it.disable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.AccountConsoleClient;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Keycloak's own removal paths (account console kc_action delete_credential, account REST DELETE) are no way round. */
@VigiTest
class AccountConsoleRemovalIT {

    @Test
    void deleteCredentialActionForOtpRunsTheVigiPage(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("consoledelete");
        String otpId = env.otpCredentials(enrolled.user().id()).get(0).getId();
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);

        Page page = signedIn.startAction("delete_credential:" + otpId);
        Flows.assertPage(page, "login-vigi-2fa-disable");
        // What Keycloak's own delete-credential page would post: a bare "accept".
        Page bare = signedIn.browser().submit(page.form("#vigi-disable-form"), Map.of("accept", ""));
        Flows.assertPage(bare, "login-vigi-2fa-disable");
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size(), "no password, no code: nothing removed");

        Page end = signedIn.browser().submit(bare.form("#vigi-disable-form"),
                Map.of("password", enrolled.user().password(), "otp", enrolled.totp().now(1)));
        assertEquals("success", end.redirectParams().get("kc_action_status"), end.toString());
        assertTrue(env.otpCredentials(enrolled.user().id()).isEmpty());
        assertEquals(1, env.inbox().to(enrolled.user().email(), "was turned off").size());
        assertEquals("account-console-delete",
                LostPhoneSupport.events(env, enrolled.user().id(), "REMOVE_CREDENTIAL").get(0).getDetails().get("vigi_2fa"));
    }

    @Test
    void deleteCredentialActionForOtherCredentialsIsKeycloaks(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("consolepw");
        String passwordId = env.realm().users().get(enrolled.user().id()).credentials().stream()
                .filter(c -> "password".equals(c.getType())).findFirst().orElseThrow().getId();
        SignedIn signedIn = SignedIn.withCode(env, enrolled, VigiClient.VMS_CLOUD);
        Page page = signedIn.startAction("delete_credential:" + passwordId);
        Flows.assertPage(page, "login-delete-credential");
    }

    @Test
    void accountRestDeleteCannotRemoveOtpEvenWithAFullTwoFactorToken(VigiEnvironment env) throws Exception {
        EnrolledUser enrolled = env.newUserWithOtp("restdelete");
        String otpId = env.otpCredentials(enrolled.user().id()).get(0).getId();
        // The account console's own token (password and code): the one the account REST API accepts.
        AccountConsoleClient console = new AccountConsoleClient(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = Flows.password(browser, browser.get(console.authUrl()), enrolled.user().username(), enrolled.user().password());
        String accessToken = console.redeem(Flows.code(browser, codePage, enrolled.totp().now()));

        HttpResponse<String> response = DisableSupport.account(env, "DELETE", "/credentials/" + otpId, accessToken);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(1, env.otpCredentials(enrolled.user().id()).size());

        // The account console still offers "Delete" (it runs the VIGI page through kc_action delete_credential).
        HttpResponse<String> listed = DisableSupport.account(env, "GET", "/credentials", accessToken);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonNode otpType = null;
        for (JsonNode type : new ObjectMapper().readTree(listed.body())) {
            if ("otp".equals(type.get("type").asText())) {
                otpType = type;
            }
        }
        assertTrue(otpType != null && otpType.get("removeable").asBoolean(), listed.body());
    }

    @Test
    void accountRestDeleteCannotRemoveOtpWithATokenIssuedBeforeEnrolment(VigiEnvironment env) throws Exception {
        TestUser user = env.newUser("beforeenrol");
        OAuth oauth = new OAuth(env.realmUrl());
        AccountConsoleClient console = new AccountConsoleClient(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl());
        String tokenWithoutCode = console.redeem(Flows.password(browser, browser.get(console.authUrl()), user.username(), user.password()));
        assertEquals(200, DisableSupport.account(env, "GET", "/credentials", tokenWithoutCode).statusCode(), "the token opens the account API");

        // Enrol in the same browser session (VIGI's kc_action vigi-2fa-enable, by the page contract).
        Page confirm = browser.get(oauth.authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-enable").url());
        Page password = browser.submit(confirm.form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
        Page scan = browser.submit(password.form("#vigi-password-form"), Map.of("password", user.password()));
        String secret = scan.document().selectFirst("#vigi-secret").text().replace(" ", "");
        Page enrolled = browser.submit(scan.form("#vigi-scan-form"), Map.of("otp", Totp.ofBase32(secret).now()));
        assertEquals("success", enrolled.redirectParams().get("kc_action_status"), enrolled.toString());
        String otpId = env.otpCredentials(user.id()).get(0).getId();

        HttpResponse<String> response = DisableSupport.account(env, "DELETE", "/credentials/" + otpId, tokenWithoutCode);
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + " " + response.body());
        assertEquals(1, env.otpCredentials(user.id()).size(), "the OTP credential survives");
    }
}

package org.vigi2fa.it.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.vigi2fa.testing.Blocking;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * What the upgrade and removal tests do on an install of their own, as a user and an administrator would: turn 2FA on
 * through the VIGI pages (recovery codes at the end), sign in with a recovery code or with a trusted browser, read
 * what the database holds for a user.
 */
final class InstallSteps {

    /** Where release 1.0.0 kept the last sign-in with the code; later releases read it from the activity table. */
    static final String LAST_SIGN_IN_ATTRIBUTE = "vigi-2fa.last-sign-in";
    static final String TRUSTED_DEVICE_TYPE = "vigi-trusted-device";
    static final String RECOVERY_CODES_TYPE = "recovery-authn-codes";

    private InstallSteps() {
    }

    /** A user with 2FA turned on through the pages, and the recovery codes shown at the end. */
    record Enrolled(EnrolledUser enrolled, List<String> recoveryCodes) {

        TestUser user() {
            return enrolled.user();
        }

        Totp totp() {
            return enrolled.totp();
        }
    }

    /** A new user turns 2FA on from VMS Cloud: confirm, password, the key as text, the first code, "I saved them". */
    static Enrolled turnOn(VigiEnvironment env, String prefix) {
        TestUser user = env.newUser(prefix);
        WebSession browser = new WebSession(env.baseUrl());
        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-enable");
        Page confirm = Flows.passwordStep(browser, request, user);
        Flows.assertPage(confirm, "login-vigi-2fa-enable-confirm");
        Page password = browser.submit(confirm.form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
        Page scan = browser.submit(password.form("#vigi-password-form"), Map.of("password", user.password()));
        Flows.assertPage(scan, "login-vigi-2fa-enable-scan");
        Element key = scan.document().selectFirst("#vigi-secret");
        assertNotNull(key, "the key as text on " + scan);
        Totp totp = Totp.ofBase32(key.text());
        Page codes = browser.submit(scan.form("#vigi-scan-form"), Map.of("otp", totp.now()));
        Flows.assertPage(codes, "login-vigi-2fa-recovery-codes");
        List<String> shown = codes.document().select("#vigi-recovery-codes li").stream().map(e -> e.text().replace("-", "")).toList();
        assertEquals(12, shown.size(), "a set of recovery codes: " + shown);
        Page end = browser.submit(codes.form("#vigi-recovery-codes-form"), Map.of("saved", "on"));
        assertTrue(end.isRedirect() && end.redirectParams().containsKey("code"), "2FA on, back at VMS Cloud: " + end + " " + end.text());
        return new Enrolled(new EnrolledUser(user, totp), shown);
    }

    /** Password, "Use a recovery code" and the code in a fresh browser; fails unless tokens are issued. */
    static JsonNode recoverySignIn(VigiEnvironment env, TestUser user, String code) {
        OAuth oauth = new OAuth(env.realmUrl());
        WebSession browser = new WebSession(env.baseUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        Page input = browser.submit(Flows.codePage(browser, request, user).form("#vigi-recovery-use-form"), Map.of());
        Flows.assertPage(input, "login-vigi-2fa-recovery-code");
        Page end = browser.submit(input.form("#vigi-recovery-form"), Map.of("recoveryCodeInput", code));
        return Grants.issued(Flows.tokens(oauth, request, end), "signed in with a recovery code");
    }

    /** A later visit of a trusted browser (it holds only the trusted-device cookie): the page after the password. */
    static Page trustedVisit(VigiEnvironment env, String cookieName, String cookie, OAuth.AuthRequest request, TestUser user) {
        WebSession browser = new WebSession(env.baseUrl());
        browser.cookies().put(cookieName, cookie);
        return Flows.passwordStep(browser, request, user);
    }

    /** Lets administrators read user attributes the user profile does not declare (the VIGI ones), as an operator looks. */
    static void showUndeclaredAttributes(VigiEnvironment env) {
        UPConfig profile = env.realm().users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW);
        env.realm().users().userProfile().update(profile);
    }

    /** The values of one of the user's attributes (empty when it has none). */
    static List<String> attribute(VigiEnvironment env, String userId, String name) {
        Map<String, List<String>> attributes = env.realm().users().get(userId).toRepresentation().getAttributes();
        return attributes == null ? List.of() : attributes.getOrDefault(name, List.of());
    }

    /** The types of the user's stored credentials (admin API). */
    static List<String> credentialTypes(VigiEnvironment env, String userId) {
        return env.realm().users().get(userId).credentials().stream().map(c -> c.getType()).sorted().toList();
    }

    /** The user's rows of the activity table, newest first (the test-support endpoint of this build). */
    static List<JsonNode> activity(VigiEnvironment env, String userId) {
        HttpRequest read = HttpRequest.newBuilder(URI.create(env.realmUrl() + "/vigi-test-activity/users/" + userId)).GET().build();
        HttpResponse<String> response = Blocking.call(() -> HttpClient.newHttpClient().send(read, HttpResponse.BodyHandlers.ofString()));
        assertEquals(200, response.statusCode(), "the activity table read: " + response.body());
        List<JsonNode> rows = new ArrayList<>();
        try {
            new ObjectMapper().readTree(response.body()).forEach(rows::add);
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
        return rows;
    }
}

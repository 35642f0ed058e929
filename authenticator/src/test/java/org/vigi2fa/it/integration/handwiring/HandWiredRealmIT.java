package org.vigi2fa.it.integration.handwiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.vigi2fa.it.accountchange.AccountChangeSupport;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;
import org.vigi2fa.testing.server.KeycloakRelease;

/**
 * An existing realm wired by realm-config/wire-realm.sh as the README says (no realm file): a dry run changes nothing,
 * the run wires it, a second run finds nothing to change; then turning 2FA on from an application and from the
 * account console, the code step, the 2FA-aware SSO step, the direct grant, the lost-phone link, "forgot password"
 * and an e-mail change all work there.
 */
@VigiTest
class HandWiredRealmIT {

    private static String name;
    private static String dryRun;
    private static String browserFlowAfterDryRun;
    private static String firstRun;
    private static String secondRun;

    @BeforeAll
    static void wire(VigiEnvironment env) {
        name = HandWiring.existingRealm(env, "vigi-hand-" + UUID.randomUUID().toString().substring(0, 8));
        dryRun = HandWiring.runScript(env, name, "--dry-run");
        browserFlowAfterDryRun = env.admin().realm(name).toRepresentation().getBrowserFlow();
        firstRun = HandWiring.runScript(env, name);
        secondRun = HandWiring.runScript(env, name);
        HandWiring.recoveryCodesOff(env, name);
        HandWiring.addClient(env, name);
    }

    @AfterAll
    static void remove(VigiEnvironment env) {
        if (name != null) {
            env.admin().realm(name).remove();
        }
    }

    @Test
    void theScriptWiresTheRealmOnceAndSaysSo(VigiEnvironment env) {
        assertTrue(dryRun.contains("would create flow 'vigi browser'") && dryRun.contains("change(s) to make"), dryRun);
        assertEquals("browser", browserFlowAfterDryRun, "a dry run binds nothing:\n" + dryRun);
        assertTrue(firstRun.contains("create flow 'vigi browser'") && firstRun.contains("Done: "), firstRun);
        assertTrue(secondRun.contains(HandWiring.NOTHING_TO_CHANGE + name + "' is wired"), "second run:\n" + secondRun);
        assertFalse(secondRun.lines().anyMatch(line -> line.startsWith("  ") && !line.startsWith("  note:")),
                "the second run lists no change:\n" + secondRun);
        RealmRepresentation wired = realm(env).toRepresentation();
        assertEquals("vigi browser", wired.getBrowserFlow());
        assertEquals("vigi reset credentials", wired.getResetCredentialsFlow());
        assertTrue(wired.isBruteForceProtected() && wired.isResetPasswordAllowed(), "brute-force detection and forgot password on");
        String discovery = new WebSession(env.baseUrl()).get(env.realmUrl(name) + "/.well-known/openid-configuration").body();
        assertTrue(discovery.contains("\"acr_values_supported\":[\"0\",\"1\",\"2\"]"), "the flow's levels, once each: " + discovery);
    }

    @Test
    void adminConsoleShowsTheNamesTheReadmeUses(VigiEnvironment env) throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("vigi.project.dir"), "README.md"), StandardCharsets.UTF_8);
        Map<String, Map<String, Object>> steps = new java.util.HashMap<>();
        for (Map<String, Object> provider : realm(env).flows().getAuthenticatorProviders()) {
            steps.put((String) provider.get("id"), provider);
        }
        for (String id : List.of("vigi-2fa-code", "vigi-2fa-cookie")) {
            String shown = (String) steps.get(id).get("displayName");
            assertTrue(readme.contains("**" + shown + "**"), "the README names the step '" + shown + "' as the admin console does");
            assertTrue(((String) steps.get(id).get("description")).length() > 80, id + " has a help text saying where it goes");
        }
        assertTrue(((String) steps.get("vigi-2fa-cookie").get("description")).contains("instead of Keycloak's Cookie"));
        List<String> actions = realm(env).flows().getRequiredActions().stream().map(a -> a.getName()).toList();
        for (String shown : List.of("VIGI 2FA - turn on", "VIGI 2FA - turn off")) {
            assertTrue(actions.contains(shown), "registered as " + shown + ": " + actions);
            assertTrue(readme.contains("**" + shown + "**"), "the README names the required action '" + shown + "'");
        }
    }

    @Test
    void turnOnFromAnApplicationThenTheCodeStepThenSingleSignOn(VigiEnvironment env) {
        TestUser user = env.newUser(name, "handenrol");
        OAuth oauth = oauth(env);
        WebSession browser = new WebSession(env.baseUrl());
        OAuth.AuthRequest enable = oauth.authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-enable");
        Totp totp = enrol(browser, Flows.passwordStep(browser, enable, user), user);
        assertEquals(1, env.otpCredentials(name, user.id()).size(), "2FA is on");

        WebSession laptop = new WebSession(env.baseUrl());
        OAuth.AuthRequest signIn = oauth.authRequest(VigiClient.VMS_CLOUD);
        Page codePage = Flows.passwordStep(laptop, signIn, user);
        Flows.assertPage(codePage, Flows.CODE_PAGE);
        JsonNode tokens = Grants.issued(Flows.tokens(oauth, signIn, Flows.code(laptop, codePage, totp.now(1))));

        OAuth.AuthRequest again = oauth.authRequest(VigiClient.VMS_CLOUD);
        Page sso = laptop.get(again.url());
        assertTrue(sso.isRedirect(), "the session that passed the code signs in again without a page: " + sso);
        Grants.issued(Flows.tokens(oauth, again, sso));
    }

    @Test
    void accountConsoleRunsTheVigiPages(VigiEnvironment env) {
        // "Set up authenticator application" (kc_action CONFIGURE_TOTP): the VIGI turn-on pages
        TestUser fresh = env.newUser(name, "handconsole");
        WebSession browser = new WebSession(env.baseUrl());
        Page confirm = Flows.password(browser, browser.get(accountConsole(env, "CONFIGURE_TOTP")), fresh.username(), fresh.password());
        Flows.assertPage(confirm, "login-vigi-2fa-enable-confirm");

        // "Delete" next to the authenticator app (kc_action delete_credential:<id>): the VIGI turn-off page
        EnrolledUser enrolled = env.newUserWithOtp(name, "handconsoledelete");
        String otpId = env.otpCredentials(name, enrolled.user().id()).get(0).getId();
        WebSession other = new WebSession(env.baseUrl());
        Page codePage = Flows.password(other, other.get(accountConsole(env, "delete_credential:" + otpId)),
                enrolled.user().username(), enrolled.user().password());
        Flows.assertPage(Flows.code(other, codePage, enrolled.totp().now()), "login-vigi-2fa-disable");
    }

    @Test
    void aSessionFromBeforeTwoFactorDoesNotSkipTheCode(VigiEnvironment env) {
        TestUser user = env.newUser(name, "handsso");
        Visit before = Visit.inRealm(env, name, VigiClient.VMS_CLOUD);
        Grants.issued(before.signInWithPassword(user), "signed in with the password before 2FA");

        env.addOtp(name, user.id()); // as an administrator adds it: no session of the user ends
        assertEquals(1, env.otpCredentials(name, user.id()).size(), "OTP stored");

        // the old session is no way past the code
        Flows.onToCodePage(before.browser(), before.then(VigiClient.VMS_CLOUD).open(), user);
    }

    @Test
    void directGrantAsksForTheCode(VigiEnvironment env) {
        ClientRepresentation client = realm(env).clients().findByClientId(VigiClient.VMS_CLOUD.clientId).get(0);
        client.setDirectAccessGrantsEnabled(true);
        realm(env).clients().get(client.getId()).update(client);
        EnrolledUser enrolled = env.newUserWithOtp(name, "handgrant");
        OAuth oauth = oauth(env);

        JsonNode passwordOnly = oauth.passwordGrant(VigiClient.VMS_CLOUD, enrolled.user().username(), enrolled.user().password(), null);
        // Keycloak's own direct-grant code step: 401 up to 26.5, 400 from 26.7 (docs/compatibility.md)
        assertEquals(KeycloakRelease.of(env).directGrantCodeRefusedStatus(), passwordOnly.get("status").asInt(), passwordOnly.toString());
        assertEquals("invalid_grant", passwordOnly.get("error").asText(), passwordOnly.toString());
        assertFalse(passwordOnly.has("access_token"), "no token without the code");
        Grants.issued(oauth.passwordGrant(VigiClient.VMS_CLOUD, enrolled.user().username(), enrolled.user().password(), enrolled.totp().now()));
    }

    @Test
    void lostPhoneLinkTurnsTwoFactorOff(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp(name, "handlost");
        OAuth oauth = oauth(env);
        WebSession phone = new WebSession(env.baseUrl());
        Page codePage = Flows.passwordStep(phone, oauth.authRequest(VigiClient.VMS_CLOUD), enrolled.user());
        Flows.assertPage(LostPhoneSupport.clickLostPhone(phone, codePage), "login-vigi-2fa-lost-sent");

        String link = env.inbox().latestActionLink(enrolled.user().email());
        assertTrue(link.startsWith(env.realmUrl(name) + "/"), "the link is into the hand-wired realm: " + link);
        WebSession elsewhere = new WebSession(env.baseUrl());
        Page confirm = elsewhere.get(link);
        Flows.assertPage(confirm, "login-vigi-2fa-lost-confirm");
        Page done = elsewhere.submit(confirm.form("#vigi-lost-confirm-form"), Map.of("password", enrolled.user().password()));
        Flows.assertPage(done, "login-vigi-2fa-lost-done");
        assertTrue(env.otpCredentials(name, enrolled.user().id()).isEmpty(), "2FA is off");

        OAuth.AuthRequest signIn = oauth.authRequest(VigiClient.VMS_CLOUD);
        assertEquals(200, Flows.signInWithPassword(oauth, new WebSession(env.baseUrl()), signIn, enrolled.user())
                .get("status").asInt(), "the password alone signs in now");
    }

    @Test
    void forgotPasswordAsksTheCodeBeforeTheNewPassword(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp(name, "handreset");
        OAuth oauth = oauth(env);
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = AccountChangeSupport.openResetLink(env, browser, request, enrolled.user());
        Flows.assertPage(codePage, Flows.CODE_PAGE);
        assertTrue(codePage.document().select("#vigi-lost-phone-form").isEmpty(), "no lost-phone link in the reset flow");
        Page update = Flows.code(browser, codePage, enrolled.totp().now());
        Page end = AccountChangeSupport.newPassword(browser, update, AccountChangeSupport.NEW_PASSWORD);
        Grants.issued(Flows.tokens(oauth, request, end), "mailbox and code set the new password");
    }

    @Test
    void updateEmailAsksTheCodeFirst(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp(name, "handmail");
        Visit signIn = Visit.inRealm(env, name, VigiClient.VMS_CLOUD);
        signIn.signInWithCode(enrolled.user(), enrolled.totp().now());
        Visit updateEmail = signIn.then(VigiClient.VMS_CLOUD, "kc_action", "UPDATE_EMAIL");
        Page codePage = updateEmail.open();
        Flows.assertPage(codePage, Flows.CODE_PAGE);
        Page emailPage = updateEmail.code(codePage, enrolled.totp().now(1));
        assertEquals(1, emailPage.document().select("#kc-update-email-form").size(), "Keycloak's page after the code: " + emailPage);
    }

    /** Confirm, password, scan and the first code; returns the code generator of the new authenticator. */
    private static Totp enrol(WebSession browser, Page confirm, TestUser user) {
        Flows.assertPage(confirm, "login-vigi-2fa-enable-confirm");
        Page password = browser.submit(confirm.form("#vigi-enable-confirm-form"), Map.of("continue", "true"));
        Page scan = browser.submit(password.form("#vigi-password-form"), Map.of("password", user.password()));
        Flows.assertPage(scan, "login-vigi-2fa-enable-scan");
        Totp totp = Totp.ofBase32(scan.document().selectFirst("#vigi-secret").text());
        Page end = browser.submit(scan.form("#vigi-scan-form"), Map.of("otp", totp.now()));
        assertEquals("success", end.redirectParams().get("kc_action_status"), end.toString());
        return totp;
    }

    /** What the account console sends for "Set up authenticator application" / "Delete" (answer read on the server). */
    private static String accountConsole(VigiEnvironment env, String kcAction) {
        String realmUrl = env.realmUrl(name);
        return realmUrl + "/protocol/openid-connect/auth?" + WebSession.encode(Map.of("client_id", "account-console",
                "redirect_uri", realmUrl + "/account/", "response_type", "code", "response_mode", "query", "scope", "openid",
                "state", UUID.randomUUID().toString(), "code_challenge", "x".repeat(43), "code_challenge_method", "S256",
                "kc_action", kcAction));
    }

    private static RealmResource realm(VigiEnvironment env) {
        return env.admin().realm(name);
    }

    private static OAuth oauth(VigiEnvironment env) {
        return new OAuth(env.realmUrl(name));
    }
}

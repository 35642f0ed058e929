package org.vigi2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.info.ProviderRepresentation;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** The drop-in JAR and the realm file on a real Keycloak: providers load, clients work, no 2FA user needs a code. */
@VigiTest
class FoundationIT {

    @Test
    void providersAreRegistered(VigiEnvironment env) {
        Map<String, ProviderRepresentation> authenticators = env.admin().serverInfo().getInfo().getProviders().get("authenticator").getProviders();
        assertTrue(authenticators.containsKey("vigi-2fa-code"), "vigi-2fa-code missing from " + authenticators.keySet());
        Set<String> themes = env.admin().serverInfo().getInfo().getThemes().get("login").stream()
                .map(theme -> theme.getName()).collect(Collectors.toSet());
        assertTrue(themes.contains("vigi"), "login theme vigi missing from " + themes);
    }

    @Test
    void realmIsImportedWithPolicies(VigiEnvironment env) {
        RealmRepresentation realm = env.realm().toRepresentation();
        assertEquals("vigi", realm.getRealm());
        assertTrue(realm.isBruteForceProtected());
        assertEquals("totp", realm.getOtpPolicyType());
        assertEquals("HmacSHA1", realm.getOtpPolicyAlgorithm());
        assertEquals(6, realm.getOtpPolicyDigits());
        assertEquals(30, realm.getOtpPolicyPeriod());
        assertEquals(1, realm.getOtpPolicyLookAheadWindow());
        assertFalse(realm.isOtpPolicyCodeReusable());
        assertEquals("vigi browser", realm.getBrowserFlow());
        assertEquals("vigi", realm.getLoginTheme());
        // the host the server was given (the test JVM's GreenMail; compose's mail catcher with -Dvigi.server=remote)
        assertEquals(System.getProperty("vigi.expected.smtp.host", "127.0.0.1"), realm.getSmtpServer().get("host"),
                "SMTP host placeholder resolved from the environment");
        List<ClientRepresentation> clients = env.realm().clients().findAll();
        for (VigiClient client : VigiClient.values()) {
            ClientRepresentation rep = clients.stream().filter(c -> c.getClientId().equals(client.clientId)).findFirst()
                    .orElseThrow(() -> new AssertionError("client " + client.clientId + " missing"));
            assertFalse(rep.isDirectAccessGrantsEnabled(), client.clientId + " must not allow the password grant");
        }
    }

    @ParameterizedTest
    @EnumSource(value = VigiClient.class, names = {"VMS_CLOUD", "VMS_LOCAL", "VIGI_APP", "PC_CLIENT"})
    void userWithout2faSignsInWithPasswordOnly(VigiClient client, VigiEnvironment env) {
        TestUser user = env.newUser("plain");
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(client);
        Page end = Flows.passwordStep(new WebSession(env.baseUrl()), request, user);
        JsonNode tokens = Grants.issued(Flows.tokens(oauth, request, end));
        Grants.assertAccessFor(tokens, user.username(), client);
    }

    @Test
    void userWith2faGetsTheCodeStepAndSignsInWithTheCode(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("smoke");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
        Page codePage = visit.passwordStep(enrolled.user());
        Flows.assertPage(codePage, Flows.CODE_PAGE);
        Grants.issued(visit.tokens(visit.code(codePage, enrolled.totp().now())));
    }

    @Test
    void configToolSignsInWithDeviceGrant(VigiEnvironment env) {
        TestUser user = env.newUser("device");
        OAuth oauth = new OAuth(env.realmUrl());
        JsonNode device = Grants.issued(oauth.deviceAuthorization(VigiClient.CONFIG_TOOL));

        WebSession browser = new WebSession(env.baseUrl());
        Page afterPassword = Flows.password(browser, browser.get(device.get("verification_uri_complete").asText()), user.username(), user.password());
        Flows.assertPage(afterPassword, "login-login-oauth-grant");
        Page done = browser.submit(afterPassword.form("form"), Map.of("accept", "Yes"));
        assertTrue(done.status() < 400, done.toString());

        JsonNode tokens = Grants.issued(oauth.deviceToken(VigiClient.CONFIG_TOOL, device.get("device_code").asText()));
        assertEquals(user.username(), OAuth.claims(tokens.get("access_token").asText()).get("preferred_username").asText());
    }

    @ParameterizedTest
    @EnumSource(VigiClient.class)
    void passwordGrantIsRefused(VigiClient client, VigiEnvironment env) {
        TestUser user = env.newUser("pwgrant");
        JsonNode response = new OAuth(env.realmUrl()).passwordGrant(client, user.username(), user.password(), null);
        assertEquals(400, response.get("status").asInt(), response.toString());
        assertEquals("unauthorized_client", response.get("error").asText(), response.toString());
        assertFalse(response.has("access_token"));
    }

    @Test
    void keycloaksOwnAdminCliHasNoPasswordGrantInTheVigiRealm(VigiEnvironment env) throws Exception {
        TestUser user = env.newUser("admincli");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(env.realmUrl() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(WebSession.encode(Map.of(
                                "grant_type", "password", "client_id", "admin-cli",
                                "username", user.username(), "password", user.password())))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("unauthorized_client"), response.body());
        assertFalse(response.body().contains("access_token"));
    }

    @Test
    void vmsLocalRefusesAnAuthorizationRequestWithoutPkce(VigiEnvironment env) {
        String url = env.realmUrl() + "/protocol/openid-connect/auth?" + WebSession.encode(Map.of("client_id", "vms-local",
                "redirect_uri", VigiClient.VMS_LOCAL.redirectUri, "response_type", "code", "scope", "openid", "state", "s"));
        Page refused = new WebSession(env.baseUrl()).get(url);
        assertTrue(refused.isRedirect(), refused.toString());
        assertEquals("invalid_request", refused.redirectParams().get("error"), refused.redirect());
        assertFalse(refused.redirectParams().containsKey("code"));
    }

    @Test
    void wrongPasswordShowsKeycloaksErrorNotA500(VigiEnvironment env) {
        TestUser user = env.newUser("wrongpw");
        WebSession browser = new WebSession(env.baseUrl());
        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD);
        Page page = Flows.password(browser, browser.get(request.url()), user.username(), "not-the-password");
        assertEquals(200, page.status());
        Flows.assertPage(page, "login-login");
        assertTrue(page.text().contains("Invalid username or password"), page.text());
    }
}

package org.vigi2fa.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.testing.Flows.CODE_PAGE;
import static org.vigi2fa.testing.Flows.codePage;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;
import org.vigi2fa.testing.server.KeycloakRelease;

/** Every way around the code step we could think of, on the real server: none signs a 2FA user in without the code. */
@VigiTest
class BypassIT {

    @Test
    void passwordGrantDemandsTheCodeWhenAnOperatorTurnsItOn(VigiEnvironment env) {
        OAuth oauth = new OAuth(env.realmUrl());
        EnrolledUser noCode = env.newUserWithOtp("dg-none");
        EnrolledUser wrong = env.newUserWithOtp("dg-wrong");
        EnrolledUser right = env.newUserWithOtp("dg-right");
        TestUser plain = env.newUser("dg-plain");
        assertEquals("unauthorized_client",
                oauth.passwordGrant(VigiClient.VMS_CLOUD, right.user().username(), right.user().password(), right.totp().now()).get("error").asText(),
                "off by default, even with a valid code");
        // Keycloak's own direct-grant code step refuses with 401 up to 26.5 and 400 from 26.7 (docs/compatibility.md).
        int refused = KeycloakRelease.of(env.admin().serverInfo().getInfo().getSystemInfo().getVersion()).directGrantCodeRefusedStatus();
        LoginSupport.directGrant(env, VigiClient.VMS_CLOUD, true);
        try {
            JsonNode without = oauth.passwordGrant(VigiClient.VMS_CLOUD, noCode.user().username(), noCode.user().password(), null);
            assertEquals(refused, without.get("status").asInt(), without.toString());
            assertEquals("invalid_grant", without.get("error").asText(), without.toString());
            assertFalse(without.has("access_token"));

            JsonNode bad = oauth.passwordGrant(VigiClient.VMS_CLOUD, wrong.user().username(), wrong.user().password(), wrong.totp().wrongNow());
            assertEquals(refused, bad.get("status").asInt(), bad.toString());
            assertEquals("invalid_grant", bad.get("error").asText(), bad.toString());
            assertFalse(bad.has("access_token"));

            Grants.issued(oauth.passwordGrant(VigiClient.VMS_CLOUD, right.user().username(), right.user().password(), right.totp().now()));
            JsonNode replay = oauth.passwordGrant(VigiClient.VMS_CLOUD, right.user().username(), right.user().password(), right.totp().now());
            assertEquals(refused, replay.get("status").asInt(), "the code was used: " + replay);

            Grants.issued(oauth.passwordGrant(VigiClient.VMS_CLOUD, plain.username(), plain.password(), null), "users without 2FA need no code");
        } finally {
            LoginSupport.directGrant(env, VigiClient.VMS_CLOUD, false);
        }
    }

    @Test
    void backButtonAfterThePasswordDoesNotSkipTheCode(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("back");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
        Page loginPage = visit.open();
        Element passwordForm = loginPage.form("#kc-form-login");
        Page codePage = visit.password(loginPage, enrolled.user());
        Flows.assertPage(codePage, CODE_PAGE);

        Page regetLogin = visit.browser().get(loginPage.url());
        assertFalse(regetLogin.isRedirect(), "re-GET of the login page: " + regetLogin);
        assertTrue(regetLogin.status() < 500, regetLogin.toString());

        Page repost = visit.browser().submit(passwordForm, Map.of("username", enrolled.user().username(), "password", enrolled.user().password()));
        assertFalse(repost.isRedirect(), "re-POST of the password form: " + repost);
        assertTrue(repost.status() < 500, repost.toString());

        Page regetCodePage = visit.browser().get(codePage.url());
        assertFalse(regetCodePage.isRedirect(), "re-GET of the code page URL: " + regetCodePage);

        Page regetAuth = Flows.onToCodePage(visit.browser(), visit.open(), enrolled.user());

        Grants.issued(visit.tokens(visit.code(regetAuth, enrolled.totp().now())), "the flow still ends with the code");
    }

    @Test
    void restartGoesBackToThePasswordAndThenTheCode(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("restart");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
        Page codePage = visit.codePage(enrolled.user());
        Map<String, String> query = query(codePage.form("#kc-otp-login-form").absUrl("action"));
        assertNotNull(query.get("tab_id"), "code form action carries tab_id");

        Page restarted = visit.browser().get(env.realmUrl() + "/login-actions/restart?client_id=" + VigiClient.VMS_CLOUD.clientId
                + "&tab_id=" + query.get("tab_id"));
        assertFalse(restarted.isRedirect(), "restart: " + restarted);
        Flows.assertPage(restarted, "login-login");
        Page again = visit.password(restarted, enrolled.user());
        assertFalse(again.isRedirect(), "after restart the password alone: " + again);
        Flows.assertPage(again, CODE_PAGE);
    }

    @Test
    void authSessionStartedBeforeEnrolmentStillAsksTheCode(VigiEnvironment env) {
        TestUser user = env.newUser("oldauth");
        Visit visit = Visit.to(env, VigiClient.VMS_LOCAL);
        Page loginPage = visit.open();
        Totp totp = env.addOtp(user.id());

        Page afterPassword = visit.password(loginPage, user);
        assertFalse(afterPassword.isRedirect(), "the login page from before enrolment: " + afterPassword);
        Flows.assertPage(afterPassword, CODE_PAGE);
        Grants.issued(visit.tokens(visit.code(afterPassword, totp.now())));
    }

    /**
     * A session (SSO cookie + refresh token) from before the user turned 2FA on. Decision: no NEW authorization rides on
     * it — the VIGI cookie step only accepts sessions verified with one of the user's current OTP credentials, so every
     * client asks for the password and the code again. Keycloak itself keeps the old user session, so its refresh
     * token keeps refreshing the grant that client already had (no new client, no new scope) until the session ends
     * or is signed out; signing out other sessions on enrolment is the enrol flow's decision.
     */
    @Test
    void sessionFromBeforeEnrolmentGivesNoNewLoginWithoutTheCode(VigiEnvironment env) {
        TestUser user = env.newUser("oldsso");
        Visit first = Visit.to(env, VigiClient.VMS_CLOUD);
        JsonNode before = Grants.issued(first.signInWithPassword(user));

        Visit sso = first.then(VigiClient.VMS_LOCAL);
        assertTrue(sso.open().isRedirect(), "before 2FA the SSO cookie signs in to another client");

        Totp totp = env.addOtp(user.id());

        Visit silent = first.then(VigiClient.VIGI_APP, "prompt", "none");
        Page silentPage = silent.open();
        assertTrue(silentPage.isRedirect(), silentPage.toString());
        assertEquals("login_required", silentPage.redirectParams().get("error"), "prompt=none: " + silentPage.redirect());
        assertFalse(silentPage.redirectParams().containsKey("code"));

        for (VigiClient client : new VigiClient[] {VigiClient.VMS_CLOUD, VigiClient.VMS_LOCAL, VigiClient.PC_CLIENT}) {
            Page page = first.then(client).open();
            assertFalse(page.isRedirect(), "old SSO cookie must not sign in to " + client.clientId + ": " + page);
            Flows.assertPage(page, "login-login");
        }

        Grants.issued(first.oauth().refresh(VigiClient.VMS_CLOUD, before.get("refresh_token").asText()), "Keycloak keeps the earlier grant of the same client");

        Visit fresh = first.then(VigiClient.VMS_LOCAL);
        Page codePage = fresh.passwordStep(user);
        Flows.assertPage(codePage, CODE_PAGE);
        Grants.issued(fresh.tokens(first.code(codePage, totp.now())));

        Visit ssoAfter = first.then(VigiClient.VMS_CLOUD);
        Page ssoPage = ssoAfter.open();
        assertTrue(ssoPage.isRedirect(), "once verified with the code, SSO works again: " + ssoPage);
        Grants.issued(ssoAfter.tokens(ssoPage));
    }

    @Test
    void reEnrolmentEndsSsoOfSessionsVerifiedWithTheOldAuthenticator(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("reenrol");
        Visit first = Visit.to(env, VigiClient.VMS_CLOUD);
        Page codePage = first.codePage(enrolled.user());
        assertEquals(200, first.tokens(first.code(codePage, enrolled.totp().now())).get("status").asInt());
        assertTrue(first.then(VigiClient.VMS_LOCAL).open().isRedirect(), "verified session: SSO");

        String oldId = env.realm().users().get(enrolled.user().id()).credentials().stream()
                .filter(c -> "otp".equals(c.getType())).findFirst().orElseThrow().getId();
        env.realm().users().get(enrolled.user().id()).removeCredential(oldId);
        env.addOtp(enrolled.user().id());

        Page page = first.then(VigiClient.VMS_LOCAL).open();
        assertFalse(page.isRedirect(), "a session verified with a removed authenticator: " + page);
        Flows.assertPage(page, "login-login");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        return params;
    }
}

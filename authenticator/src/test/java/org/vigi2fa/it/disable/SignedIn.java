package org.vigi2fa.it.disable;

import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** A browser signed in to a client (password and code), ready to start application-initiated actions. */
record SignedIn(WebSession browser, VigiClient client, String accessToken) {

    static SignedIn withCode(VigiEnvironment env, EnrolledUser enrolled, VigiClient client) {
        return withCode(env, enrolled, client, enrolled.totp().now());
    }

    static SignedIn withCode(VigiEnvironment env, EnrolledUser enrolled, VigiClient client, String code) {
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(client);
        WebSession browser = new WebSession(env.baseUrl());
        Page end = Flows.code(browser, Flows.passwordStep(browser, request, enrolled.user()), code);
        var tokens = Flows.tokens(oauth, request, end);
        if (tokens.get("status").asInt() != 200) {
            throw new AssertionError("sign-in failed: " + tokens);
        }
        return new SignedIn(browser, client, tokens.get("access_token").asText());
    }

    /** Opens the client's authorization URL with kc_action; the SSO session skips the login. */
    Page startAction(VigiEnvironment env, String kcAction) {
        return browser.get(new OAuth(env.realmUrl()).authRequest(client, "kc_action", kcAction).url());
    }
}

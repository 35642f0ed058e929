package org.vigi2fa.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * One sign-in attempt: a fresh browser on its way to one client through one authorization request. The steps are
 * {@link Flows}' with the three parts filled in.
 */
public record Visit(OAuth oauth, OAuth.AuthRequest request, WebSession browser) {

    public static Visit to(VigiEnvironment env, VigiClient client, String... extraParams) {
        OAuth oauth = new OAuth(env.realmUrl());
        return new Visit(oauth, oauth.authRequest(client, extraParams), new WebSession(env.baseUrl()));
    }

    /** {@link #to} in another realm (e.g. one a test wired itself). */
    public static Visit inRealm(VigiEnvironment env, String realm, VigiClient client, String... extraParams) {
        OAuth oauth = new OAuth(env.realmUrl(realm));
        return new Visit(oauth, oauth.authRequest(client, extraParams), new WebSession(env.baseUrl()));
    }

    /** The same browser on its way to another client (its SSO cookie goes along). */
    public Visit then(VigiClient client, String... extraParams) {
        return new Visit(oauth, oauth.authRequest(client, extraParams), browser);
    }

    /** Opens the authorization URL: the login page, or a redirect when the SSO cookie signs in. */
    public Page open() {
        return browser.get(request.url());
    }

    /** Types the user's username and password on the login page. */
    public Page password(Page loginPage, TestUser user) {
        return Flows.password(browser, loginPage, user.username(), user.password());
    }

    /** Opens the authorization URL and signs in with the password; the page after the password step. */
    public Page passwordStep(TestUser user) {
        return Flows.passwordStep(browser, request, user);
    }

    /** Signs in with the password; fails unless the code page follows. */
    public Page codePage(TestUser user) {
        return Flows.codePage(browser, request, user);
    }

    /** Submits a code on the code page. */
    public Page code(Page codePage, String code) {
        return Flows.code(browser, codePage, code);
    }

    /** Redeems the code the request ended with (fails unless back at the client): the token response. */
    public JsonNode tokens(Page end) {
        return Flows.tokens(oauth, request, end);
    }

    /** Password and code, then the code exchange: the token response. */
    public JsonNode signInWithCode(TestUser user, String code) {
        return Flows.signInWithCode(oauth, browser, request, user, code);
    }

    /** The password alone (2FA off, or a session that skips the code), then the code exchange. */
    public JsonNode signInWithPassword(TestUser user) {
        return Flows.signInWithPassword(oauth, browser, request, user);
    }
}

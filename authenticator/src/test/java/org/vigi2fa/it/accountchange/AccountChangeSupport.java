package org.vigi2fa.it.accountchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.AccountConsoleClient;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Steps of "forgot password" and of an e-mail change as a browser and a mailbox see them. */
public final class AccountChangeSupport {

    public static final String NEW_PASSWORD = "Brand-New-Horse-77";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AccountChangeSupport() {
    }

    /** Login page of the request → "Forgot password?" → the username → Keycloak's "check your mail" page. */
    public static Page askForReset(WebSession browser, OAuth.AuthRequest request, TestUser user) {
        Page login = browser.get(request.url());
        Flows.assertPage(login, "login-login");
        Element forgot = login.document().selectFirst("a[href*=login-actions/reset-credentials]");
        if (forgot == null) {
            throw new AssertionError("no \"Forgot password?\" link on " + login);
        }
        Page reset = browser.get(forgot.absUrl("href"));
        return browser.submit(reset.form("#kc-reset-password-form"), Map.of("username", user.username()));
    }

    /** Asks for the reset and opens the mailed link in the same browser: the page the link leads to. */
    public static Page openResetLink(VigiEnvironment env, WebSession browser, OAuth.AuthRequest request, TestUser user) {
        int before = env.inbox().actionLinks(user.email()).size();
        askForReset(browser, request, user);
        List<String> links = env.inbox().actionLinks(user.email());
        if (links.size() != before + 1) {
            throw new AssertionError("expected one reset mail to " + user.email() + ", links: " + links);
        }
        return browser.get(links.get(links.size() - 1));
    }

    /** Keycloak's update-password page: types the new password twice. */
    public static Page newPassword(WebSession browser, Page page, String password) {
        return browser.submit(page.form("#kc-passwd-update-form"), Map.of("password-new", password, "password-confirm", password));
    }

    /** The account REST API's profile update with a bearer token, as the account console sends it. */
    /**
     * Changes the user's address the way the account console does (kc_action UPDATE_EMAIL: the code, the new address,
     * the link mailed to it); returns the user at the new address.
     */
    public static TestUser changeEmail(VigiEnvironment env, EnrolledUser enrolled, String newAddress) {
        Visit signIn = Visit.to(env, VigiClient.VMS_CLOUD);
        signIn.signInWithCode(enrolled.user(), enrolled.totp().now());
        Visit change = signIn.then(VigiClient.VMS_CLOUD, "kc_action", "UPDATE_EMAIL");
        Page emailPage = signIn.code(change.open(), enrolled.totp().now(1));
        signIn.browser().submit(emailPage.form("#kc-update-email-form"), Map.of("email", newAddress));
        Page confirmed = signIn.browser().get(env.inbox().actionLinks(newAddress).get(0));
        if (confirmed.status() >= 400 || !newAddress.equals(email(env, enrolled.user()))) {
            throw new AssertionError("the address did not change: " + confirmed + " " + confirmed.text());
        }
        TestUser user = enrolled.user();
        return new TestUser(user.id(), user.username(), newAddress, user.password());
    }

    static HttpResponse<String> updateAccount(VigiEnvironment env, String accessToken, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(env.realmUrl() + "/account"))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The account REST API's profile read with a bearer token. */
    static HttpResponse<String> getAccount(VigiEnvironment env, String accessToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(env.realmUrl() + "/account"))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in to Keycloak's own account console with password and code; its access token (the one its pages use). */
    static String accountConsoleToken(VigiEnvironment env, WebSession browser, TestUser user, String code) throws Exception {
        AccountConsoleClient console = new AccountConsoleClient(env.realmUrl());
        Page codePage = Flows.password(browser, browser.get(console.authUrl()), user.username(), user.password());
        return console.redeem(Flows.code(browser, codePage, code));
    }

    /** The user's address as the admin API sees it. */
    static String email(VigiEnvironment env, TestUser user) {
        return env.realm().users().get(user.id()).toRepresentation().getEmail();
    }
}

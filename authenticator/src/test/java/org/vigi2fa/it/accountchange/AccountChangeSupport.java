package org.vigi2fa.it.accountchange;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;

/** Steps of "forgot password" and of an e-mail change as a browser and a mailbox see them. */
public final class AccountChangeSupport {

    public static final String NEW_PASSWORD = "Brand-New-Horse-77";
    private static final Pattern ACTION_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

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
        int before = actionLinks(env, user.email()).size();
        askForReset(browser, request, user);
        List<String> links = actionLinks(env, user.email());
        if (links.size() != before + 1) {
            throw new AssertionError("expected one reset mail to " + user.email() + ", links: " + links);
        }
        return browser.get(links.get(links.size() - 1));
    }

    /** Keycloak's update-password page: types the new password twice. */
    public static Page newPassword(WebSession browser, Page page, String password) {
        return browser.submit(page.form("#kc-passwd-update-form"), Map.of("password-new", password, "password-confirm", password));
    }

    /** Every action-token link mailed to the address (reset, e-mail confirmation, lost phone), oldest first. */
    public static List<String> actionLinks(VigiEnvironment env, String address) {
        return LostPhoneSupport.mailsTo(env, address).stream()
                .map(LostPhoneSupport::textPart)
                .map(ACTION_LINK::matcher)
                .filter(Matcher::find)
                .map(Matcher::group)
                .toList();
    }

    static List<MimeMessage> mails(VigiEnvironment env, String address, String subjectPart) {
        return LostPhoneSupport.mailsTo(env, address, subjectPart);
    }

    /** The account REST API's profile update with a bearer token, as the account console sends it. */
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

    /**
     * Signs in to Keycloak's own account console client (public, PKCE) with password and code; returns its access
     * token, the one the account console's pages call the account REST API with.
     */
    static String accountConsoleToken(VigiEnvironment env, WebSession browser, TestUser user, String code) throws Exception {
        String redirect = env.realmUrl() + "/account/";
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String url = env.realmUrl() + "/protocol/openid-connect/auth?" + WebSession.encode(Map.of("client_id", "account-console",
                "redirect_uri", redirect, "response_type", "code", "scope", "openid", "state", "s1",
                "code_challenge", challenge, "code_challenge_method", "S256"));
        Page codePage = Flows.password(browser, browser.get(url), user.username(), user.password());
        Page end = Flows.code(browser, codePage, code);
        String location = end.url();
        if (!location.startsWith(redirect)) {
            throw new AssertionError("account console sign-in did not come back: " + end);
        }
        String authCode = URLDecoder.decode(location.replaceAll(".*[?&#]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(env.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebSession.encode(Map.of("grant_type", "authorization_code",
                        "client_id", "account-console", "code", authCode, "redirect_uri", redirect, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("account console token: HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** Gives an existing user an OTP credential through the admin API; sessions and tokens stay as they are. */
    static void addOtp(VigiEnvironment env, TestUser user) {
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setSecretData("{\"value\":\"" + UUID.randomUUID() + "\"}");
        otp.setCredentialData("{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        var rep = env.realm().users().get(user.id()).toRepresentation();
        rep.setCredentials(List.of(otp));
        env.realm().users().get(user.id()).update(rep);
    }

    /** The user's address as the admin API sees it. */
    static String email(VigiEnvironment env, TestUser user) {
        return env.realm().users().get(user.id()).toRepresentation().getEmail();
    }
}

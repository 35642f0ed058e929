package org.vigi2fa.it.accountchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * What an attacker posts to the reset-credentials flow by hand ("try another way", the choice of another step, a new
 * password straight to its step) and the checks that none of it reached a new password or the client.
 */
final class ResetAttempts {

    static final String RESET_FLOW = "vigi reset credentials";
    private static final String RESET_PATH = "/login-actions/reset-credentials";
    private static final String CHANGED_SUBJECT = "password of your";

    private ResetAttempts() {
    }

    /** Every execution of the realm's reset flow, sub-flows and their steps included, by id (display name as value). */
    static Map<String, String> executions(VigiEnvironment env) {
        return env.realm().flows().getExecutions(RESET_FLOW).stream().collect(Collectors.toMap(
                AuthenticationExecutionInfoRepresentation::getId, e -> e.getDisplayName(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The execution id of one provider of the reset flow. */
    static String execution(VigiEnvironment env, String providerId) {
        return env.realm().flows().getExecutions(RESET_FLOW).stream().filter(e -> providerId.equals(e.getProviderId()))
                .findFirst().orElseThrow().getId();
    }

    /** The page's login-actions form target, moved to the reset-credentials endpoint with the given execution. */
    static String resetUrl(Page page, String executionId) {
        String action = page.document().select("form[action*=login-actions]").stream().map(f -> f.absUrl("action"))
                .findFirst().orElseThrow(() -> new AssertionError("no login-actions form on " + page + ": " + page.text()));
        URI uri = URI.create(action);
        Map<String, String> query = new LinkedHashMap<>(WebSession.query(action));
        query.put("execution", executionId);
        String path = uri.getRawPath().replaceFirst("/login-actions/[^/]+$", RESET_PATH);
        return uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + WebSession.encode(query);
    }

    /** "Try another way" at the page's form for one execution, then the choice of another: the pages it produced. */
    static List<Page> tryAnotherWay(WebSession browser, Page page, String at, String choice) {
        Page selector = browser.post(resetUrl(page, at), Map.of("tryAnotherWay", "on"));
        Page chosen = browser.post(resetUrl(page, at), Map.of("authenticationExecution", choice));
        Page direct = browser.post(resetUrl(page, choice), Map.of("authenticationExecution", choice));
        return List.of(selector, chosen, direct);
    }

    /** A new password posted straight to an execution, as the new-password form would post it. */
    static Page postNewPassword(WebSession browser, Page page, String at) {
        return browser.post(resetUrl(page, at), Map.of("password-new", AccountChangeSupport.NEW_PASSWORD,
                "password-confirm", AccountChangeSupport.NEW_PASSWORD));
    }

    /** None of the pages is the new-password form or a way back to a client. */
    static void assertNoWayIn(List<Page> pages, String what) {
        for (Page page : pages) {
            assertTrue(page.status() < 500, what + ": no server error: " + page);
            assertTrue(!page.isRedirect() || !page.redirect().contains("code="), what + ": no way back to the client: " + page);
            assertTrue(page.document().selectFirst("input[name=password-new]") == null,
                    what + ": no new-password form: " + page + " " + page.text());
        }
    }

    /** The password is the user's own: it still opens the code page (or signs in), the attacker's does not, no mail. */
    static void assertPasswordUnchanged(VigiEnvironment env, TestUser user, boolean twoFactor) {
        OAuth oauth = new OAuth(env.realmUrl());
        Page old = Flows.passwordStep(new WebSession(env.baseUrl()), oauth.authRequest(VigiClient.VMS_CLOUD), user);
        assertTrue(twoFactor ? Flows.CODE_PAGE.equals(old.pageId()) : old.isRedirect(), "the old password works: " + old);
        TestUser attacker = new TestUser(user.id(), user.username(), user.email(), AccountChangeSupport.NEW_PASSWORD);
        Page guessed = Flows.passwordStep(new WebSession(env.baseUrl()), oauth.authRequest(VigiClient.VMS_CLOUD), attacker);
        assertEquals("login-login", guessed.pageId(), "the attacker's password does not work: " + guessed);
        assertTrue(env.inbox().to(user.email(), CHANGED_SUBJECT).isEmpty(), "no password-changed mail");
    }

    /** Login page of a fresh browser → "Forgot password?": Keycloak's choose-user page. */
    static Page chooseUserPage(VigiEnvironment env, WebSession browser) {
        Page login = browser.get(new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD).url());
        Page reset = browser.get(login.document().selectFirst("a[href*=login-actions/reset-credentials]").absUrl("href"));
        Flows.assertPage(reset, "login-login-reset-password");
        return reset;
    }
}

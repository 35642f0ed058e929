package org.vigi2fa.testing;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;

/** Steps the VIGI flows share, over a {@link WebSession}; each returns the page it ended on. */
public final class Flows {

    /** The page id of the VIGI code page (vigi-2fa-code.ftl), where most tests look. */
    public static final String CODE_PAGE = "login-vigi-2fa-code";

    private Flows() {
    }

    /** Types username and password on Keycloak's login page. */
    public static Page password(WebSession session, Page loginPage, String username, String password) {
        assertPage(loginPage, "login-login");
        return session.submit(loginPage.form("#kc-form-login"), Map.of("username", username, "password", password));
    }

    /** Opens the client's authorization URL and signs in with the password; the page after the password step. */
    public static Page passwordStep(WebSession session, OAuth.AuthRequest request, TestUser user) {
        return password(session, session.get(request.url()), user.username(), user.password());
    }

    /** Opens the client's authorization URL and signs in with the password; fails unless the code page follows. */
    public static Page codePage(WebSession session, OAuth.AuthRequest request, TestUser user) {
        Page page = passwordStep(session, request, user);
        assertPage(page, CODE_PAGE);
        return page;
    }

    /**
     * From a page that must not be a way in (an old session, a replayed step): the password page (then the password)
     * or the code page; fails unless it ends on the code page.
     */
    public static Page onToCodePage(WebSession session, Page page, TestUser user) {
        if (page.isRedirect()) {
            throw new AssertionError("no way back to the client without the code: " + page);
        }
        Page codePage = "login-login".equals(page.pageId()) ? password(session, page, user.username(), user.password()) : page;
        assertPage(codePage, CODE_PAGE);
        return codePage;
    }

    /** Submits a code on the VIGI code page. */
    public static Page code(WebSession session, Page codePage, String code) {
        assertPage(codePage, CODE_PAGE);
        return session.submit(codePage.form("#kc-otp-login-form"), Map.of("otp", code));
    }

    /** Password and code for the request, then the code exchange: the token response (fails unless back at the client). */
    public static JsonNode signInWithCode(OAuth oauth, WebSession session, OAuth.AuthRequest request, TestUser user, String code) {
        return tokens(oauth, request, code(session, passwordStep(session, request, user), code));
    }

    /** The password alone for the request (2FA off, or a session that skips the code), then the code exchange. */
    public static JsonNode signInWithPassword(OAuth oauth, WebSession session, OAuth.AuthRequest request, TestUser user) {
        return tokens(oauth, request, passwordStep(session, request, user));
    }

    /** Redeems the code an authorization request ended with; fails when it did not end back at the client. */
    public static JsonNode tokens(OAuth oauth, OAuth.AuthRequest request, Page end) {
        if (!end.isRedirect()) {
            throw new AssertionError("Expected a redirect back to " + request.client().clientId + " but got " + end + ": " + end.messages());
        }
        Map<String, String> params = end.redirectParams();
        if (!request.state().equals(params.get("state"))) {
            throw new AssertionError("state mismatch in " + end.redirect());
        }
        return oauth.exchange(request, params.get("code"));
    }

    /** A page that is neither a 5xx nor a redirect back to a client, showing the given message. */
    public static void assertRefused(Page page, String message) {
        if (page.status() >= 500) {
            throw new AssertionError("no server error: " + page);
        }
        if (page.isRedirect()) {
            throw new AssertionError("no way back to the client: " + page);
        }
        if (!page.text().contains(message)) {
            throw new AssertionError("expected '" + message + "' on " + page + ": " + page.messages() + " / " + page.text());
        }
    }

    public static void assertPage(Page page, String pageId) {
        if (!pageId.equals(page.pageId())) {
            throw new AssertionError("Expected page " + pageId + " but got " + page + " text: " + page.text());
        }
    }
}

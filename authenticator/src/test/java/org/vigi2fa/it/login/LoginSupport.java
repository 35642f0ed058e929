package org.vigi2fa.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.keycloak.representations.idm.ClientRepresentation;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Steps and admin-API checks the sign-in tests share. */
final class LoginSupport {

    static final String CODE_PAGE = "login-vigi-2fa-code";
    static final String INVALID_CODE = "Invalid authenticator code.";
    static final String MISSING_CODE = "Enter the 6-digit code from your authenticator app.";
    static final String MALFORMED_CODE = "The code is the 6 digits shown in your authenticator app.";

    private LoginSupport() {
    }

    /** A fresh browser that has passed the password step of the client and shows the code page. */
    static Page codePage(WebSession browser, OAuth.AuthRequest request, TestUser user) {
        Page page = Flows.passwordStep(browser, request, user);
        Flows.assertPage(page, CODE_PAGE);
        return page;
    }

    /** From a page that must not be a way in: the password page (then the password) or the code page; ends on the code page. */
    static Page onToCodePage(WebSession browser, Page page, TestUser user) {
        assertFalse(page.isRedirect(), "no way back to the client without the code: " + page);
        Page codePage = "login-login".equals(page.pageId())
                ? Flows.password(browser, page, user.username(), user.password()) : page;
        Flows.assertPage(codePage, CODE_PAGE);
        return codePage;
    }

    /**
     * Keeps two failures of one user more than a second apart in real time, so Keycloak's quick-login rule
     * (quickLoginCheckMilliSeconds 1000) is not what a test measures unless it means to.
     */
    static void nextAttempt() {
        pause(1_200);
    }

    /** A page that is neither a 5xx nor a redirect back to a client, showing the given message. */
    static void assertRefused(Page page, String message) {
        assertTrue(page.status() < 500, "no server error: " + page);
        assertFalse(page.isRedirect(), "no way back to the client: " + page);
        assertTrue(page.text().contains(message), "expected '" + message + "' on " + page + ": " + page.messages() + " / " + page.text());
    }

    /**
     * TOTP periods follow the server's system clock: when a period is about to end, waits (at most 3 s) for the next
     * one, so a code made for period N+k is checked in period N. Never waits through a period.
     */
    static void awayFromPeriodEdge() {
        long intoPeriod = Instant.now().getEpochSecond() % Totp.PERIOD;
        if (intoPeriod >= Totp.PERIOD - 3) {
            pause((Totp.PERIOD - intoPeriod) * 1000 + 200);
        }
    }

    /** Turns the password grant on or off for a client (tests restore it in finally). */
    static void directGrant(VigiEnvironment env, VigiClient client, boolean enabled) {
        ClientRepresentation rep = env.realm().clients().findByClientId(client.clientId).get(0);
        rep.setDirectAccessGrantsEnabled(enabled);
        env.realm().clients().get(rep.getId()).update(rep);
        assertEquals(enabled, env.realm().clients().get(rep.getId()).toRepresentation().isDirectAccessGrantsEnabled());
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.vigi2fa.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.keycloak.representations.idm.ClientRepresentation;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/** Steps and admin-API checks the sign-in tests share. */
final class LoginSupport {

    static final String CODE_PAGE = "login-vigi-2fa-code";
    static final String INVALID_CODE = "Invalid authenticator code.";
    static final String MISSING_CODE = "Enter the 6-digit code from your authenticator app.";
    static final String MALFORMED_CODE = "The code is the 6 digits shown in your authenticator app.";

    private LoginSupport() {
    }

    /** From a page that must not be a way in: the password page (then the password) or the code page; ends on the code page. */
    static Page onToCodePage(WebSession browser, Page page, TestUser user) {
        assertFalse(page.isRedirect(), "no way back to the client without the code: " + page);
        Page codePage = "login-login".equals(page.pageId())
                ? Flows.password(browser, page, user.username(), user.password()) : page;
        Flows.assertPage(codePage, CODE_PAGE);
        return codePage;
    }

    /** Turns the password grant on or off for a client (tests restore it in finally). */
    static void directGrant(VigiEnvironment env, VigiClient client, boolean enabled) {
        ClientRepresentation rep = env.realm().clients().findByClientId(client.clientId).get(0);
        rep.setDirectAccessGrantsEnabled(enabled);
        env.realm().clients().get(rep.getId()).update(rep);
        assertEquals(enabled, env.realm().clients().get(rep.getId()).toRepresentation().isDirectAccessGrantsEnabled());
    }
}

package org.vigi2fa.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.keycloak.representations.idm.ClientRepresentation;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.oauth.VigiClient;

/** Steps and admin-API checks the sign-in tests share. */
final class LoginSupport {

    static final String INVALID_CODE = "That code is not correct or was already used.";
    static final String MISSING_CODE = "Enter the 6-digit code from your authenticator app.";
    static final String MALFORMED_CODE = "The code is the 6 digits shown in your authenticator app.";

    private LoginSupport() {
    }

    /** Turns the password grant on or off for a client (tests restore it in finally). */
    static void directGrant(VigiEnvironment env, VigiClient client, boolean enabled) {
        ClientRepresentation rep = env.realm().clients().findByClientId(client.clientId).get(0);
        rep.setDirectAccessGrantsEnabled(enabled);
        env.realm().clients().get(rep.getId()).update(rep);
        assertEquals(enabled, env.realm().clients().get(rep.getId()).toRepresentation().isDirectAccessGrantsEnabled());
    }
}

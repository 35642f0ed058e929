package org.vigi2fa.login;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;

/** Where the code page hands over "Can't use your authenticator app?" (the lost-phone flow plugs in here). */
final class LostPhoneHook {

    private LostPhoneHook() {
    }

    static void handle(AuthenticationFlowContext context) {
        Response page = context.form().setError("vigi2faLostPhoneUnavailable").createForm(org.vigi2fa.VigiIds.TPL_CODE);
        context.challenge(page);
    }
}

package org.vigi2fa.login;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.vigi2fa.lostphone.LostPhoneRequest;

/** Where the code page hands over "Can't use your authenticator app?": the lost-phone flow. */
final class LostPhoneHook {

    private LostPhoneHook() {
    }

    static void handle(AuthenticationFlowContext context) {
        LostPhoneRequest.handle(context);
    }
}

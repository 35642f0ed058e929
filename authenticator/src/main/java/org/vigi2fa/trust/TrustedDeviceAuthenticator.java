package org.vigi2fa.trust;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.vigi2fa.trust.DeviceTrust;

/**
 * The trusted-device step before the code step: a trusted device of this user on this browser stands in for the code
 * (every rule of {@link DeviceTrust}) and the sign-in records the trusted-device credential, which Keycloak's
 * "Condition - credential" reads to skip the code sub-flow; otherwise it passes with nothing recorded and the code
 * follows. Its own execution, without an amr reference value, so a token of such a sign-in says {@code amr: ["pwd"]},
 * not {@code otp}, and stays at level 1. (An Alternative beside the code step would never run first: Keycloak tries
 * the alternative of the user's own credential type, the code, before any other.)
 */
public final class TrustedDeviceAuthenticator implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!DeviceTrust.admits(context)) {
            context.success();
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // never shows a page
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /** Only users with 2FA have something a device could stand in for. */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).findAny().isPresent();
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}

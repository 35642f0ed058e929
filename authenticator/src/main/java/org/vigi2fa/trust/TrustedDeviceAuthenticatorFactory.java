package org.vigi2fa.trust;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.vigi2fa.PlainStepFactory;

/** Registers the trusted-device step that goes before the code sub-flow (Required, same 2FA sub-flow). */
public final class TrustedDeviceAuthenticatorFactory implements PlainStepFactory {

    private static final TrustedDeviceAuthenticator SINGLETON = new TrustedDeviceAuthenticator();

    @Override
    public String getId() {
        return TrustIds.TRUSTED_DEVICE_AUTHENTICATOR;
    }

    @Override
    public String getDisplayType() {
        return "VIGI 2FA - trusted device";
    }

    @Override
    public String getHelpText() {
        return "Lets a browser the user trusted (\"Don't ask again on this device\") skip the code, right after the "
                + "password. Add it as Required in the Conditional 2FA sub-flow, before a Conditional sub-flow holding "
                + "Condition - credential (vigi-trusted-device, not included) and VIGI 2FA - authenticator app code. "
                + "Give it no Authentication Reference: its sign-ins report amr pwd only.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}

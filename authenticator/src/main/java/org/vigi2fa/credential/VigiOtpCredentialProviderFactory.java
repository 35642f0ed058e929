package org.vigi2fa.credential;

import org.keycloak.credential.OTPCredentialProvider;
import org.keycloak.credential.OTPCredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Replaces Keycloak's "keycloak-otp" credential provider (same id) with {@link VigiOtpCredentialProvider}. */
public final class VigiOtpCredentialProviderFactory extends OTPCredentialProviderFactory {

    /** Above Keycloak's own keycloak-otp (order 0), so this one is the provider of that id. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public OTPCredentialProvider create(KeycloakSession session) {
        return new VigiOtpCredentialProvider(session);
    }
}

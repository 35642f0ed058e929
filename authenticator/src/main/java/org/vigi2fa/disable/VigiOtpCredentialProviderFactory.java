package org.vigi2fa.disable;

import org.keycloak.credential.OTPCredentialProvider;
import org.keycloak.credential.OTPCredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Replaces Keycloak's "keycloak-otp" credential provider (same id) with {@link VigiOtpCredentialProvider}. */
public final class VigiOtpCredentialProviderFactory extends OTPCredentialProviderFactory {

    @Override
    public OTPCredentialProvider create(KeycloakSession session) {
        return new VigiOtpCredentialProvider(session);
    }
}

package org.vigi2fa.trust;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers {@link TrustedDeviceCredentialProvider}. */
public final class TrustedDeviceCredentialProviderFactory implements CredentialProviderFactory<TrustedDeviceCredentialProvider> {

    @Override
    public String getId() {
        return TrustIds.PROVIDER_ID;
    }

    @Override
    public TrustedDeviceCredentialProvider create(KeycloakSession session) {
        return new TrustedDeviceCredentialProvider(session);
    }
}

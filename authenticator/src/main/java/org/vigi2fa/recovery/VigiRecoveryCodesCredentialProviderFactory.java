package org.vigi2fa.recovery;

import org.keycloak.credential.RecoveryAuthnCodesCredentialProvider;
import org.keycloak.credential.RecoveryAuthnCodesCredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Replaces Keycloak's "keycloak-recovery-authn-codes" provider (same id) with {@link VigiRecoveryCodesCredentialProvider}. */
public final class VigiRecoveryCodesCredentialProviderFactory extends RecoveryAuthnCodesCredentialProviderFactory {

    /** Above Keycloak's own provider of this id (order 0), so this one is used. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public RecoveryAuthnCodesCredentialProvider create(KeycloakSession session) {
        return new VigiRecoveryCodesCredentialProvider(session);
    }
}

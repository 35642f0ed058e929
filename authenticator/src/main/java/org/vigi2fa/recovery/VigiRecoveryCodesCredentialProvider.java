package org.vigi2fa.recovery;

import java.util.Optional;

import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.RecoveryAuthnCodesCredentialProvider;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.dto.RecoveryAuthnCodeRepresentation;

/**
 * Keycloak's recovery-code provider, with three changes: the input is normalised first (spaces, dashes, lower case);
 * each code is compared in the format it was stored in ({@link RecoveryCodeHash}: salted PBKDF2, or Keycloak's
 * SHA-512 for a set made before); and a matching code is claimed in the single-use store (shared by every node)
 * before it is struck from the list, so of simultaneous submits of one code exactly one counts ({@link RecoveryClaim};
 * a rollback releases it). Keycloak reads the list, compares and writes it back, and two requests that read it at
 * once would both succeed.
 */
public final class VigiRecoveryCodesCredentialProvider extends RecoveryAuthnCodesCredentialProvider {

    private final KeycloakSession session;

    public VigiRecoveryCodesCredentialProvider(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        String code = RecoveryCodeInput.normalise(input.getChallengeResponse());
        Optional<CredentialModel> stored = user.credentialManager().getStoredCredentialsByTypeStream(getType()).findFirst();
        if (code == null || stored.isEmpty()) {
            return false;
        }
        RecoveryAuthnCodesCredentialModel set = RecoveryAuthnCodesCredentialModel.createFromCredentialModel(stored.get());
        Optional<RecoveryAuthnCodeRepresentation> next = set.getNextRecoveryAuthnCode();
        if (next.isEmpty() || !RecoveryCodeHash.matches(id -> session.getProvider(PasswordHashProvider.class, id), code,
                next.get().getEncodedHashedValue())) {
            return false;
        }
        if (!RecoveryClaim.claim(session, stored.get().getId(), next.get().getNumber())) {
            return false;
        }
        // Keycloak's strike: the code leaves the list in the request's transaction
        set.removeRecoveryAuthnCode();
        user.credentialManager().updateStoredCredential(set);
        return true;
    }
}

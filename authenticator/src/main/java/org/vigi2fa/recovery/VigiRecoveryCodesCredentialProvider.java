package org.vigi2fa.recovery;

import java.util.Optional;

import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialMetadata;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.credential.RecoveryAuthnCodesCredentialProvider;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.dto.RecoveryAuthnCodeRepresentation;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * Keycloak's recovery-code provider, with four changes: the input is normalised first (spaces, dashes, lower case);
 * each code is compared in the format it was stored in ({@link RecoveryCodeHash}: salted PBKDF2, or Keycloak's
 * SHA-512 for a set made before); and a matching code is claimed in the single-use store (shared by every node)
 * before it is struck from the list, so of simultaneous submits of one code exactly one counts ({@link RecoveryClaim};
 * a rollback releases it). Keycloak reads the list, compares and writes it back, and two requests that read it at
 * once would both succeed. And in VIGI realms the account console's row says how many codes are left and offers a new
 * set ({@link RecoveryCodesAction}'s page, through Keycloak's action id it replaces) instead of "Delete", and "Set up"
 * only to a user with an authenticator.
 */
public final class VigiRecoveryCodesCredentialProvider extends RecoveryAuthnCodesCredentialProvider {

    private final KeycloakSession session;

    public VigiRecoveryCodesCredentialProvider(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        CredentialTypeMetadata metadata = super.getCredentialTypeMetadata(metadataContext);
        UserModel user = metadataContext.getUser();
        RealmModel realm = session.getContext().getRealm();
        if (user == null || realm == null || !TwoFactorSettings.isEnabledIn(session, realm)) {
            return metadata;
        }
        boolean hasCodes = RecoveryCodes.stored(user).isPresent();
        boolean hasAuthenticator = user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE);
        return CredentialTypeMetadata.builder().type(metadata.getType()).category(metadata.getCategory())
                .displayName(metadata.getDisplayName()).helpText(RecoveryIds.MSG_ACCOUNT_HELP)
                .iconCssClass(metadata.getIconCssClass())
                .createAction(!hasCodes && hasAuthenticator ? metadata.getCreateAction() : null)
                .updateAction(hasCodes ? UserModel.RequiredAction.CONFIGURE_RECOVERY_AUTHN_CODES.name() : null)
                .removeable(false).build(session);
    }

    /** Keycloak's row (its warning when few are left), with the count left of the set in the info line. */
    @Override
    public CredentialMetadata getCredentialMetadata(RecoveryAuthnCodesCredentialModel credentialModel,
            CredentialTypeMetadata credentialTypeMetadata) {
        CredentialMetadata metadata = super.getCredentialMetadata(credentialModel, credentialTypeMetadata);
        RealmModel realm = session.getContext().getRealm();
        if (realm != null && TwoFactorSettings.isEnabledIn(session, realm)) {
            metadata.setInfoMessage(RecoveryIds.MSG_ACCOUNT_LEFT, String.valueOf(RecoveryCodes.left(credentialModel)),
                    String.valueOf(RecoveryCodes.total(credentialModel)));
        }
        return metadata;
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

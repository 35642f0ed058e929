package org.vigi2fa.trust;

import org.keycloak.credential.CredentialMetadata;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Trusted devices as credentials of their own type, so Keycloak's account console lists them under "Signing in"
 * (two-factor section, one row per browser: label "Chrome · Linux", created = first use, last use and expiry in the
 * info line) and its "Delete" removes one through Keycloak's own delete_credential action. No create action: a device
 * is only ever added from the code page, after a correct code. Not a CredentialInputValidator: nothing validates
 * against it but {@link DeviceTrust}, so no other authenticator can accept a cookie as a credential.
 */
public final class TrustedDeviceCredentialProvider implements CredentialProvider<CredentialModel> {

    private final KeycloakSession session;

    TrustedDeviceCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return TrustIds.CREDENTIAL_TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credentialModel) {
        return user.credentialManager().createStoredCredential(credentialModel);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public CredentialModel getCredentialFromModel(CredentialModel model) {
        return model;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return CredentialTypeMetadata.builder().type(getType()).category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName(TrustIds.MSG_DISPLAY_NAME).helpText(TrustIds.MSG_HELP)
                .iconCssClass("kcAuthenticatorDefaultClass").removeable(true).build(session);
    }

    /**
     * "Last used ..., trusted until ..." under the label: the times go out as epoch milliseconds and the message
     * formats them in the browser as the console formats "Created" (the user's language, the browser's time zone).
     */
    @Override
    public CredentialMetadata getCredentialMetadata(CredentialModel credentialModel, CredentialTypeMetadata credentialTypeMetadata) {
        CredentialMetadata metadata = new CredentialMetadata();
        metadata.setCredentialModel(credentialModel);
        TrustedDevice device = TrustedDevice.of(credentialModel);
        if (device != null) {
            metadata.setInfoMessage(TrustIds.MSG_INFO, String.valueOf(device.lastUsedAt), String.valueOf(device.expiresAt));
        }
        return metadata;
    }
}

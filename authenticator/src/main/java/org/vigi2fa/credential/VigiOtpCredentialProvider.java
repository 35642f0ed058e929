package org.vigi2fa.credential;

import jakarta.ws.rs.HttpMethod;

import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.credential.OTPCredentialProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * Keycloak's OTP credential provider, except that in VIGI realms an OTP credential is not removable through an
 * HTTP DELETE (the deprecated account REST {@code DELETE /account/credentials/{id}}), which asks for no password
 * and no code. The account console's "Delete" is a GET-driven kc_action and stays offered; it runs the VIGI page.
 */
public final class VigiOtpCredentialProvider extends OTPCredentialProvider {

    public VigiOtpCredentialProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        CredentialTypeMetadata metadata = super.getCredentialTypeMetadata(metadataContext);
        if (!isGuardedDelete()) {
            return metadata;
        }
        return CredentialTypeMetadata.builder()
                .type(metadata.getType())
                .category(metadata.getCategory())
                .displayName(metadata.getDisplayName())
                .helpText(metadata.getHelpText())
                .iconCssClass(metadata.getIconCssClass())
                .createAction(metadata.getCreateAction())
                .updateAction(metadata.getUpdateAction())
                .removeable(false)
                .build(session);
    }

    private boolean isGuardedDelete() {
        RealmModel realm = session.getContext().getRealm();
        HttpRequest request = session.getContext().getHttpRequest();
        return realm != null && request != null && HttpMethod.DELETE.equals(request.getHttpMethod())
                && TwoFactorSettings.isEnabledIn(session, realm);
    }
}

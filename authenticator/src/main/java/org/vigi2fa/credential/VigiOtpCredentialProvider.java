package org.vigi2fa.credential;

import jakarta.ws.rs.HttpMethod;

import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialMetadata;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.credential.OTPCredentialProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.guard.WrongCodeLimit;

/**
 * Keycloak's OTP credential provider, with what VIGI realms show and allow in the account console:
 * <ul>
 * <li>no "Set up" while the user has an authenticator (the product keeps one per user), and "Update" moves it to a new
 * phone ({@code vigi-2fa-move});</li>
 * <li>a help text of our own and, per credential, when it last signed the user in, and where;</li>
 * <li>no code accepted after {@link WrongCodeLimit#LIMIT} wrong ones in a row, until the authenticator is rebound;</li>
 * <li>not removable through an HTTP DELETE (the deprecated account REST {@code DELETE /account/credentials/{id}}),
 * which asks for no password and no code. The console's remove button is a GET-driven kc_action
 * ({@code delete_credential}) and stays offered; it runs the VIGI turn-off page.</li>
 * </ul>
 */
public final class VigiOtpCredentialProvider extends OTPCredentialProvider {

    public VigiOtpCredentialProvider(KeycloakSession session) {
        super(session);
    }

    /** Keycloak's check, except that an authenticator at {@link WrongCodeLimit#LIMIT} wrong codes in a row takes none. */
    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        if (WrongCodeLimit.reached(user, input.getCredentialId())) {
            return false;
        }
        boolean valid = super.isValid(realm, user, input);
        WrongCodeLimit.record(session, realm, user, input.getCredentialId(), valid);
        return valid;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        CredentialTypeMetadata metadata = super.getCredentialTypeMetadata(metadataContext);
        if (!isVigiRealm()) {
            return metadata;
        }
        UserModel user = metadataContext.getUser();
        boolean hasOne = user != null && user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE);
        return CredentialTypeMetadata.builder()
                .type(metadata.getType())
                .category(metadata.getCategory())
                .displayName(metadata.getDisplayName())
                .helpText(CredentialIds.MSG_HELP)
                .iconCssClass(metadata.getIconCssClass())
                .createAction(hasOne ? null : metadata.getCreateAction())
                .updateAction(hasOne && moveRegistered() ? VigiIds.MOVE_ACTION : metadata.getUpdateAction())
                .removeable(metadata.isRemoveable() && !isDelete())
                .build(session);
    }

    @Override
    public CredentialMetadata getCredentialMetadata(OTPCredentialModel credentialModel, CredentialTypeMetadata credentialTypeMetadata) {
        CredentialMetadata metadata = super.getCredentialMetadata(credentialModel, credentialTypeMetadata);
        // the account REST request's own user (bearer token); the last use is only read for that user's credential
        UserModel user = session.getContext().getUser();
        if (user != null && isVigiRealm()) {
            AccountConsoleView.show(session, user, credentialModel, metadata);
        }
        return metadata;
    }

    private boolean isVigiRealm() {
        RealmModel realm = session.getContext().getRealm();
        return realm != null && TwoFactorSettings.isEnabledIn(session, realm);
    }

    /**
     * Whether the realm offers the move as a required action: a realm upgraded without the new one registered keeps
     * Keycloak's row (no "Update"), since the console's kc_action would be refused there.
     */
    private boolean moveRegistered() {
        RequiredActionProviderModel move = session.getContext().getRealm().getRequiredActionProviderByAlias(VigiIds.MOVE_ACTION);
        return move != null && move.isEnabled();
    }

    private boolean isDelete() {
        HttpRequest request = session.getContext().getHttpRequest();
        return request != null && HttpMethod.DELETE.equals(request.getHttpMethod());
    }
}

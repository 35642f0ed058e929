package org.vigi2fa.login;

import java.util.List;
import java.util.Set;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.vigi2fa.StatelessFactory;
import org.vigi2fa.VigiIds;
import org.vigi2fa.audit.RealmAudit;
import org.vigi2fa.compat.SupportedKeycloak;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.trust.TrustIds;

/** Registers the VIGI code step; its execution config carries every VIGI 2FA setting. */
public final class TwoFactorCodeAuthenticatorFactory implements AuthenticatorFactory, StatelessFactory<Authenticator> {

    private static final TwoFactorCodeAuthenticator SINGLETON = new TwoFactorCodeAuthenticator();

    @Override
    public String getId() {
        return VigiIds.CODE_AUTHENTICATOR;
    }

    @Override
    public String getDisplayType() {
        return "VIGI 2FA - authenticator app code";
    }

    @Override
    public String getHelpText() {
        return "The code step after the password: asks users who turned VIGI 2FA on for the 6-digit code of their "
                + "authenticator app and offers the emailed lost-phone link. Add it as Required in a Conditional sub-flow "
                + "after the Username Password Form, next to Condition - user configured. Its settings (gear icon) hold "
                + "every VIGI 2FA setting: link lifetime, request cooldown, issuer, sign-out on turn-off.";
    }

    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    /**
     * The account console lists only types a flow step refers to: trusted devices and recovery codes (both are taken
     * by this step), so "Signing in" shows them whenever the user has some, whatever the enrolment offer.
     */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(TrustIds.CREDENTIAL_TYPE, RecoveryAuthnCodesCredentialModel.TYPE);
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return TwoFactorSettings.PROPERTIES;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return true;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        SupportedKeycloak.logAtStart();
        RealmAudit.register(factory);
    }
}

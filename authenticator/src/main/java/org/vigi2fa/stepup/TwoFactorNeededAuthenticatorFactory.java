package org.vigi2fa.stepup;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.vigi2fa.StatelessFactory;

/** Registers the page for a client that asked level 2 (acr 2) of a user without 2FA. */
public final class TwoFactorNeededAuthenticatorFactory implements AuthenticatorFactory, StatelessFactory<Authenticator> {

    private static final TwoFactorNeededAuthenticator SINGLETON = new TwoFactorNeededAuthenticator();

    @Override
    public String getId() {
        return StepUpIds.NEEDED_AUTHENTICATOR;
    }

    @Override
    public String getDisplayType() {
        return "VIGI 2FA - needed by this application";
    }

    @Override
    public String getHelpText() {
        return "Shows \"This application needs two-factor authentication\" with a button that turns it on, when a "
                + "client asked level 2 (acr_values=2) and the user has no 2FA. Add it as Required in a Conditional sub-flow "
                + "after the 2FA sub-flow, next to Condition - Level of Authentication with level 2.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}

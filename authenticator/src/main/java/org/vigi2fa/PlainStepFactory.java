package org.vigi2fa;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * A VIGI flow step with no settings, no credential type of its own and nothing for the user to set up: Required or
 * Disabled in a flow, one shared instance. The code step is not one of these (it has the settings).
 */
public interface PlainStepFactory extends AuthenticatorFactory, StatelessFactory<Authenticator> {

    /** No credential type of its own: an amr reference or a credential list would name the code step's. */
    @Override
    default String getReferenceCategory() {
        return null;
    }

    @Override
    default boolean isConfigurable() {
        return false;
    }

    @Override
    default List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    default Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    default boolean isUserSetupAllowed() {
        return false;
    }
}

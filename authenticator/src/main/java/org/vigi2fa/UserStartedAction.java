package org.vigi2fa;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * A VIGI required action that is its own stateless factory and that the user (kc_action) or an administrator starts;
 * it never triggers by itself.
 */
public interface UserStartedAction extends RequiredActionProvider, RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    @Override
    default RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    default InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    default void evaluateTriggers(RequiredActionContext context) {
    }

    /**
     * Single use also on 26.4 and 26.5, whose default is false (26.7 made it true): an admin's emailed
     * execute-actions link naming only this action cannot be replayed.
     */
    @Override
    default boolean isOneTimeAction() {
        return true;
    }

    /** Both the provider and the factory have close(); neither holds anything. */
    @Override
    default void close() {
    }
}

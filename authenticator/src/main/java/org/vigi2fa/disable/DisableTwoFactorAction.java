package org.vigi2fa.disable;

import org.keycloak.Config;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.vigi2fa.VigiIds;

/** kc_action {@code vigi-2fa-disable}: turns 2FA off from account settings after password and current code. */
public final class DisableTwoFactorAction implements RequiredActionProvider, RequiredActionFactory {

    @Override
    public String getId() {
        return VigiIds.DISABLE_ACTION;
    }

    /**
     * Single use also on 26.4 and 26.5, whose default is false (26.7 made it true): an admin's emailed
     * execute-actions link naming only this action cannot be replayed.
     */
    @Override
    public boolean isOneTimeAction() {
        return true;
    }

    @Override
    public String getDisplayText() {
        return "VIGI 2FA - turn off";
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        DisableForm.challenge(context, null);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        DisableForm.process(context, null, DisableIds.EVENT_SETTINGS);
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}

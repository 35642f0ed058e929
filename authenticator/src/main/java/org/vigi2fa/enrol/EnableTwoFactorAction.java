package org.vigi2fa.enrol;

import org.keycloak.Config;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.VigiIds;

/** Required action {@code vigi-2fa-enable}: turns 2FA on from any VIGI application ({@code kc_action}). */
public final class EnableTwoFactorAction implements RequiredActionProvider, RequiredActionFactory {

    public static final String PROVIDER_ID = VigiIds.ENABLE_ACTION;

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Turned on by the user (kc_action) or by an administrator (required action); never by itself.
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        EnrolFlow.challenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        EnrolFlow.process(context);
    }

    @Override
    public void initiatedActionCanceled(KeycloakSession session, AuthenticationSessionModel authSession) {
        EnrolFlow.cancelled(session, authSession);
    }

    @Override
    public String getDisplayText() {
        return "VIGI 2FA - turn on";
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

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /**
     * Single use also on 26.4 and 26.5, whose default is false (26.7 made it true): an admin's emailed
     * execute-actions link naming only this action cannot be replayed.
     */
    @Override
    public boolean isOneTimeAction() {
        return true;
    }
}

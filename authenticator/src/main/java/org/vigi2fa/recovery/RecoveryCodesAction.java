package org.vigi2fa.recovery;

import org.keycloak.Config;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.Profile;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Required action {@code vigi-2fa-recovery-codes}: recovery codes from account settings ({@code kc_action}), after
 * enrolment and as the low-count reminder. Present while Keycloak's recovery-codes feature is (on by default).
 */
public final class RecoveryCodesAction implements RequiredActionProvider, RequiredActionFactory, EnvironmentDependentProviderFactory {

    @Override
    public String getId() {
        return RecoveryIds.ACTION;
    }

    @Override
    public String getDisplayText() {
        return "VIGI 2FA - recovery codes";
    }

    @Override
    public boolean isSupported(Config.Scope config) {
        return Profile.isFeatureEnabled(Profile.Feature.RECOVERY_CODES);
    }

    /** Single use on every release: an emailed execute-actions link naming it cannot be replayed. */
    @Override
    public boolean isOneTimeAction() {
        return true;
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
        RecoveryCodesFlow.challenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        RecoveryCodesFlow.process(context);
    }

    @Override
    public void initiatedActionCanceled(KeycloakSession session, AuthenticationSessionModel authSession) {
        RecoveryCodesFlow.clearNotes(authSession);
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

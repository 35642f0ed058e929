package org.vigi2fa.recovery;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.Profile;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.UserStartedAction;

/**
 * Required action {@code vigi-2fa-recovery-codes}: recovery codes from account settings ({@code kc_action}), after
 * enrolment and as the low-count reminder. Present while Keycloak's recovery-codes feature is (on by default).
 */
public final class RecoveryCodesAction implements UserStartedAction, EnvironmentDependentProviderFactory {

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
}

package org.vigi2fa.enrol;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.UserStartedAction;
import org.vigi2fa.VigiIds;

/** Required action {@code vigi-2fa-enable}: turns 2FA on from any VIGI application ({@code kc_action}). */
public final class EnableTwoFactorAction implements UserStartedAction {

    public static final String PROVIDER_ID = VigiIds.ENABLE_ACTION;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "VIGI 2FA - turn on";
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
}

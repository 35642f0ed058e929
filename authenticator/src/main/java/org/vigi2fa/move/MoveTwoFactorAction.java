package org.vigi2fa.move;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.UserStartedAction;
import org.vigi2fa.VigiIds;

/**
 * kc_action {@code vigi-2fa-move}: "I have a new phone". Moves 2FA to another authenticator app without a moment
 * without it: the old secret is replaced only once the new phone's code is right.
 */
public final class MoveTwoFactorAction implements UserStartedAction {

    @Override
    public String getId() {
        return VigiIds.MOVE_ACTION;
    }

    @Override
    public String getDisplayText() {
        return "VIGI 2FA - move to a new phone";
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        MoveFlow.challenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MoveFlow.process(context);
    }

    @Override
    public void initiatedActionCanceled(KeycloakSession session, AuthenticationSessionModel authSession) {
        MoveFlow.cancelled(session, authSession);
    }
}

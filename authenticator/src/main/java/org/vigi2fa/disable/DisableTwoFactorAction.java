package org.vigi2fa.disable;

import org.keycloak.authentication.RequiredActionContext;
import org.vigi2fa.UserStartedAction;
import org.vigi2fa.VigiIds;

/** kc_action {@code vigi-2fa-disable}: turns 2FA off from account settings after password and current code. */
public final class DisableTwoFactorAction implements UserStartedAction {

    @Override
    public String getId() {
        return VigiIds.DISABLE_ACTION;
    }

    @Override
    public String getDisplayText() {
        return "VIGI 2FA - turn off";
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        DisableForm.challenge(context, null);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        DisableForm.process(context, null, DisableIds.EVENT_SETTINGS);
    }
}

package org.vigi2fa.stepup;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.vigi2fa.PlainStepFactory;

/** Registers the page for a client that asked level 2 (acr 2) of a user without 2FA. */
public final class TwoFactorNeededAuthenticatorFactory implements PlainStepFactory {

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
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}

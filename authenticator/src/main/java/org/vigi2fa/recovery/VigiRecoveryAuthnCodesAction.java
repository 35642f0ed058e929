package org.vigi2fa.recovery;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.RecoveryAuthnCodesAction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.InVigiRealm;

/**
 * Keycloak's {@code CONFIGURE_RECOVERY_AUTHN_CODES} (the account console's "set up recovery codes"), same id so it
 * replaces the built-in one: in VIGI realms it runs {@link RecoveryCodesFlow}, which asks for the password and a
 * code before a new set (Keycloak's asks for neither, so a stolen session could mint codes); elsewhere it is stock.
 */
public final class VigiRecoveryAuthnCodesAction extends RecoveryAuthnCodesAction {

    /** Above Keycloak's own action of this id (order 0), so this one is the provider. */
    @Override
    public int order() {
        return 1;
    }

    /** Keycloak's create() returns its own singleton, not this subclass. */
    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        InVigiRealm.either(context, RecoveryCodesFlow::challenge, super::requiredActionChallenge);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        InVigiRealm.either(context, RecoveryCodesFlow::process, super::processAction);
    }

    @Override
    public void initiatedActionCanceled(KeycloakSession session, AuthenticationSessionModel authSession) {
        InVigiRealm.either(session, authSession, (s, a) -> RecoveryCodesFlow.clearNotes(a), super::initiatedActionCanceled);
    }
}

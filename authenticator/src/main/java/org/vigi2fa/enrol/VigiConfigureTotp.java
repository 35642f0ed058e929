package org.vigi2fa.enrol;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateTotp;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.InVigiRealm;

/**
 * Keycloak's {@code CONFIGURE_TOTP} (the account console's "Set up authenticator application"), replaced so that in
 * realms using VIGI 2FA it runs the VIGI turn-on flow instead of going around it; elsewhere it is stock UpdateTotp.
 * Same id as Keycloak's: a custom factory wins over the built-in one. Extends UpdateTotp because Keycloak's OTP form
 * casts the CONFIGURE_TOTP factory to it.
 */
public final class VigiConfigureTotp extends UpdateTotp {

    /** Above Keycloak's own CONFIGURE_TOTP (order 0), so this one is the provider of that id. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        InVigiRealm.either(context, EnrolFlow::challenge, super::requiredActionChallenge);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        InVigiRealm.either(context, EnrolFlow::process, super::processAction);
    }

    @Override
    public void initiatedActionCanceled(KeycloakSession session, AuthenticationSessionModel authSession) {
        InVigiRealm.either(session, authSession, EnrolFlow::cancelled, super::initiatedActionCanceled);
    }
}

package org.vigi2fa.stepup;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.vigi2fa.VigiIds;

/**
 * Reached when a client asked level 2 (acr_values=2, or acr as an essential claim) and the sign-in did not reach it:
 * the user has no 2FA. Instead of a token at level 1 or Keycloak's bare "requirements not fulfilled", a page says this
 * application needs two-factor authentication and offers to turn it on; turning it on (the enrolment confirms a code
 * from the new authenticator) ends the sign-in at level 2. "Not now" sends the application OpenID Connect's
 * {@code unmet_authentication_requirements}, so it is never left waiting.
 */
public final class TwoFactorNeededAuthenticator implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (context.getHttpRequest().getDecodedFormParameters().containsKey(StepUpIds.FIELD_DECLINE)) {
            // "Not now": the application gets its answer (unmet_authentication_requirements), no token, no session
            context.getEvent().user(user).detail(VigiIds.EVENT_DETAIL, StepUpIds.EVENT_DECLINED).error(Errors.NOT_ALLOWED);
            context.forceChallenge(UnmetRequirements.redirect(context.getSession(), context.getAuthenticationSession()));
            return;
        }
        if (!context.getHttpRequest().getDecodedFormParameters().containsKey(StepUpIds.FIELD_ENABLE) || hasTwoFactor(user)) {
            // a user who has 2FA and still got here passed no code: never let the page stand in for it
            context.challenge(page(context));
            return;
        }
        // the enrolment runs before any token is issued; its cancel starts it over, so level 2 is not reached without it
        context.getAuthenticationSession().addRequiredAction(VigiIds.ENABLE_ACTION);
        context.getEvent().detail(VigiIds.EVENT_DETAIL, StepUpIds.EVENT_NEEDED);
        context.success();
    }

    private static Response page(AuthenticationFlowContext context) {
        ClientModel client = context.getAuthenticationSession().getClient();
        String name = client.getName() == null || client.getName().isBlank() ? client.getClientId() : client.getName();
        return context.form().setAttribute(StepUpIds.ATTR_CLIENT_NAME, name).createForm(StepUpIds.TPL_NEEDED);
    }

    private static boolean hasTwoFactor(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).findAny().isPresent();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}

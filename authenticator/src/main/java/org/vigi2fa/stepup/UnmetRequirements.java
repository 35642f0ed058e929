package org.vigi2fa.stepup;

import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.OIDCRedirectUriBuilder;
import org.keycloak.protocol.oidc.utils.OIDCResponseMode;
import org.keycloak.protocol.oidc.utils.OIDCResponseType;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The error answer to the application when the user declines the two-factor authentication it asked for: OpenID
 * Connect's {@code unmet_authentication_requirements}, built as Keycloak's {@code OIDCLoginProtocol.sendError} builds
 * its errors (same redirect, response mode, state and issuer), which on 26.4 has no such error of its own to send.
 */
final class UnmetRequirements {

    private UnmetRequirements() {
    }

    static Response redirect(KeycloakSession session, AuthenticationSessionModel authSession) {
        OIDCResponseType responseType = OIDCResponseType.parse(authSession.getClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM));
        OIDCResponseMode responseMode = OIDCResponseMode.parse(authSession.getClientNote(OIDCLoginProtocol.RESPONSE_MODE_PARAM), responseType);
        OIDCRedirectUriBuilder redirect = OIDCRedirectUriBuilder.fromUri(authSession.getRedirectUri(), responseMode, session, null)
                .addParam(OAuth2Constants.ERROR, StepUpIds.ERROR_UNMET);
        String state = authSession.getClientNote(OIDCLoginProtocol.STATE_PARAM);
        if (state != null) {
            redirect.addParam(OAuth2Constants.STATE, state);
        }
        if (!OIDCAdvancedConfigWrapper.fromClientModel(authSession.getClient()).isExcludeIssuerFromAuthResponse()) {
            redirect.addParam(OAuth2Constants.ISSUER,
                    Urls.realmIssuer(session.getContext().getUri().getBaseUri(), authSession.getRealm().getName()));
        }
        new AuthenticationSessionManager(session).removeTabIdInAuthenticationSession(authSession.getRealm(), authSession);
        return redirect.build();
    }
}

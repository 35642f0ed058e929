package org.vigi2fa.activity;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;

import org.keycloak.Config;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * The administrator behind a request's bearer token, checked as Keycloak's admin REST root checks it: the token is
 * verified in the realm that issued it (the master realm or the realm asked about, nothing else), and must belong to a
 * live session. What the administrator may see is then Keycloak's admin permissions' call.
 */
final class AdminToken {

    private static final String CHALLENGE = "Bearer";

    private AdminToken() {
    }

    static AdminAuth authenticate(KeycloakSession session, RealmModel asked) {
        String token = AppAuthManager.extractAuthorizationHeaderToken(session.getContext().getRequestHeaders());
        if (token == null) {
            throw new NotAuthorizedException(CHALLENGE);
        }
        RealmModel issuer = issuingRealm(session, token);
        if (issuer == null) {
            throw new NotAuthorizedException(CHALLENGE);
        }
        if (!issuer.getId().equals(asked.getId()) && !issuer.getName().equals(Config.getAdminRealm())) {
            throw new ForbiddenException();
        }
        session.getContext().setRealm(issuer);
        try {
            AuthenticationManager.AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session)
                    .setRealm(issuer).setTokenString(token).authenticate();
            if (result == null) {
                throw new NotAuthorizedException(CHALLENGE);
            }
            return new AdminAuth(issuer, result.getToken(), result.getUser(), result.getClient());
        } finally {
            session.getContext().setRealm(asked);
        }
    }

    /** The realm named by the token's issuer, read before verification only to know where to verify it. */
    private static RealmModel issuingRealm(KeycloakSession session, String token) {
        try {
            String issuer = new JWSInput(token).readJsonContent(AccessToken.class).getIssuer();
            return issuer == null ? null : session.realms().getRealmByName(issuer.substring(issuer.lastIndexOf('/') + 1));
        } catch (JWSInputException | RuntimeException e) {
            return null;
        }
    }
}

package org.vigi2fa;

import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.models.Constants;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Where the confirm button of an emailed link's page posts to (the lost-phone link and "This wasn't me"). */
public final class ActionTokenPost {

    private ActionTokenPost() {
    }

    /**
     * Keycloak's action-token endpoint answers GET only; its POST entry for action tokens is reset-credentials?key=,
     * which resolves the handler from the token type, so the confirm comes back to the same handler.
     */
    public static String confirmUrl(ActionTokenContext<?> tokenContext) {
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        return LoginActionsService.loginActionsBaseUrl(tokenContext.getUriInfo())
                .path(LoginActionsService.RESET_CREDENTIALS_PATH)
                .queryParam(Constants.KEY, authSession.getAuthNote(Constants.KEY))
                .queryParam(Constants.CLIENT_ID, authSession.getClient().getClientId())
                .queryParam(Constants.TAB_ID, authSession.getTabId())
                .queryParam(Constants.CLIENT_DATA, AuthenticationProcessor.getClientData(tokenContext.getSession(), authSession))
                .build(tokenContext.getRealm().getName()).toString();
    }
}

package org.vigi2fa.link;

import jakarta.ws.rs.HttpMethod;

import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.models.Constants;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.VigiIds;

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

    /** A fresh id for a confirm form being shown ({@link VigiIds#FIELD_SUBMIT_ID}). */
    public static String newSubmitId() {
        return KeycloakModelUtils.generateId();
    }

    /** The id of the confirm form this POST came from, or null (a GET, or a form without one). */
    public static String submitId(ActionTokenContext<?> tokenContext) {
        if (!HttpMethod.POST.equals(tokenContext.getRequest().getHttpMethod())) {
            return null;
        }
        String id = tokenContext.getRequest().getDecodedFormParameters().getFirst(VigiIds.FIELD_SUBMIT_ID);
        return id == null || id.isBlank() ? null : id;
    }
}

package org.vigi2fa.report;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The pages of the "This wasn't me" link: confirm, done, and the error page of a used or stale link. */
final class ReportPages {

    private ReportPages() {
    }

    /** What confirming will do and the confirm button (a POST: a scanner that fetches the link changes nothing). */
    static Response confirm(ActionTokenContext<ReportActionToken> tokenContext, UserModel user, boolean blocksLostPhone) {
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        // Keycloak's action-token endpoint answers GET only; reset-credentials?key= is its POST entry for action
        // tokens and resolves the handler from the token type, so the confirm comes back here.
        String confirmUrl = LoginActionsService.loginActionsBaseUrl(tokenContext.getUriInfo())
                .path(LoginActionsService.RESET_CREDENTIALS_PATH)
                .queryParam(Constants.KEY, authSession.getAuthNote(Constants.KEY))
                .queryParam(Constants.CLIENT_ID, authSession.getClient().getClientId())
                .queryParam(Constants.TAB_ID, authSession.getTabId())
                .queryParam(Constants.CLIENT_DATA, AuthenticationProcessor.getClientData(tokenContext.getSession(), authSession))
                .build(tokenContext.getRealm().getName()).toString();
        return forms(tokenContext, user)
                .setAttribute(ReportIds.ATTR_CONFIRM_URL, confirmUrl)
                .setAttribute(ReportIds.ATTR_USERNAME, user.getUsername())
                .setAttribute(ReportIds.ATTR_BLOCKS_LOST_PHONE, blocksLostPhone)
                .createForm(ReportIds.TPL_CONFIRM);
    }

    /** "Your account is secured": what happened and what to do next. */
    static Response done(ActionTokenContext<ReportActionToken> tokenContext, UserModel user) {
        return forms(tokenContext, user).createForm(ReportIds.TPL_DONE);
    }

    static Response error(ActionTokenContext<ReportActionToken> tokenContext, String message) {
        return tokenContext.getSession().getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(tokenContext.getAuthenticationSession())
                .setError(message).createErrorPage(Response.Status.BAD_REQUEST);
    }

    private static LoginFormsProvider forms(ActionTokenContext<ReportActionToken> tokenContext, UserModel user) {
        return tokenContext.getSession().getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(tokenContext.getAuthenticationSession()).setUser(user);
    }
}

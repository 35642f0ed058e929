package org.vigi2fa.report;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.vigi2fa.ActionTokenPost;
import org.vigi2fa.SignInAgain;
import org.vigi2fa.VigiIds;
import org.vigi2fa.removal.TwoFactorRemoval;

/** The pages of the "This wasn't me" link: confirm, done, and the error page of a used or stale link. */
final class ReportPages {

    private ReportPages() {
    }

    /** What confirming will do and the confirm button (a POST: a scanner that fetches the link changes nothing). */
    static Response confirm(ActionTokenContext<ReportActionToken> tokenContext, UserModel user, boolean blocksLostPhone) {
        String confirmUrl = ActionTokenPost.confirmUrl(tokenContext);
        return forms(tokenContext, user)
                .setAttribute(ReportIds.ATTR_CONFIRM_URL, confirmUrl)
                .setAttribute(VigiIds.ATTR_SUBMIT_ID, ActionTokenPost.newSubmitId())
                .setAttribute(ReportIds.ATTR_USERNAME, user.getUsername())
                .setAttribute(ReportIds.ATTR_BLOCKS_LOST_PHONE, blocksLostPhone)
                .createForm(ReportIds.TPL_CONFIRM);
    }

    /** "Your account is secured": what happened and what to do next. */
    static Response done(ActionTokenContext<ReportActionToken> tokenContext, UserModel user) {
        return SignInAgain.offer(forms(tokenContext, user), tokenContext.getSession(), tokenContext.getRealm(),
                tokenContext.getAuthenticationSession())
                .setAttribute(ReportIds.ATTR_HAS_CODE, !TwoFactorRemoval.otpCredentials(user).isEmpty())
                .createForm(ReportIds.TPL_DONE);
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

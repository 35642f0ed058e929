package org.vigi2fa.lostphone;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.vigi2fa.ActionTokenPost;
import org.vigi2fa.SignInAgain;
import org.vigi2fa.VigiIds;

/** The pages of the emailed link: confirm, done, and the error page of a used or stale link. */
final class LostPhonePages {

    private LostPhonePages() {
    }

    /** What confirming will do, the confirm button, and the password field when the link was opened elsewhere. */
    static Response confirm(ActionTokenContext<LostPhoneActionToken> tokenContext, UserModel user,
            boolean needsPassword, FormMessage error) {
        String confirmUrl = ActionTokenPost.confirmUrl(tokenContext);
        LoginFormsProvider forms = forms(tokenContext, user)
                .setAttribute(LostPhoneIds.ATTR_CONFIRM_URL, confirmUrl)
                .setAttribute(VigiIds.ATTR_SUBMIT_ID, ActionTokenPost.newSubmitId())
                .setAttribute(LostPhoneIds.ATTR_NEEDS_PASSWORD, needsPassword)
                .setAttribute(LostPhoneIds.ATTR_USERNAME, user.getUsername())
                .setAttribute(LostPhoneIds.ATTR_MASKED_EMAIL, EmailMask.mask(user.getEmail()));
        // "Keep two-factor authentication on": leave without a change, to where the person came from
        SignInAgain.offer(forms, tokenContext.getSession(), tokenContext.getRealm(), tokenContext.getAuthenticationSession());
        if (error != null && error.getField() != null) {
            forms.addError(error);
        } else if (error != null) {
            forms.setError(error.getMessage());
        }
        return forms.createForm(LostPhoneIds.TPL_LOST_CONFIRM);
    }

    /** "2FA is off". */
    static Response done(ActionTokenContext<LostPhoneActionToken> tokenContext, UserModel user) {
        return SignInAgain.offer(forms(tokenContext, user), tokenContext.getSession(), tokenContext.getRealm(),
                tokenContext.getAuthenticationSession()).createForm(LostPhoneIds.TPL_LOST_DONE);
    }

    private static LoginFormsProvider forms(ActionTokenContext<LostPhoneActionToken> tokenContext, UserModel user) {
        return tokenContext.getSession().getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(tokenContext.getAuthenticationSession()).setUser(user);
    }

    static Response error(ActionTokenContext<LostPhoneActionToken> tokenContext, String message) {
        return tokenContext.getSession().getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(tokenContext.getAuthenticationSession())
                .setError(message).createErrorPage(Response.Status.BAD_REQUEST);
    }
}

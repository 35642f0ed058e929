package org.vigi2fa.link;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.vigi2fa.SignInAgain;
import org.vigi2fa.VigiIds;

/** What every emailed link's pages share: the user's form, the confirm form's address and id, the error page. */
public final class LinkPages {

    private LinkPages() {
    }

    /** The login theme's forms for this link's session and user. */
    public static LoginFormsProvider forms(ActionTokenContext<?> tokenContext, UserModel user) {
        return tokenContext.getSession().getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(tokenContext.getAuthenticationSession()).setUser(user);
    }

    /** A confirm page: where its button posts, the id its submits carry, whose account it is. */
    public static LoginFormsProvider confirmForm(ActionTokenContext<?> tokenContext, UserModel user) {
        return forms(tokenContext, user)
                .setAttribute(VigiIds.ATTR_CONFIRM_URL, ActionTokenPost.confirmUrl(tokenContext))
                .setAttribute(VigiIds.ATTR_SUBMIT_ID, ActionTokenPost.newSubmitId())
                .setAttribute(VigiIds.ATTR_USERNAME, user.getUsername());
    }

    /** A done page, with the "Sign in" way on. */
    public static LoginFormsProvider doneForm(ActionTokenContext<?> tokenContext, UserModel user) {
        return SignInAgain.offer(forms(tokenContext, user), tokenContext.getSession(), tokenContext.getRealm(),
                tokenContext.getAuthenticationSession());
    }

    /** Keycloak's error page with one of the link's messages (used, stale). */
    public static Response error(ActionTokenContext<?> tokenContext, String message) {
        return tokenContext.getSession().getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(tokenContext.getAuthenticationSession())
                .setError(message).createErrorPage(Response.Status.BAD_REQUEST);
    }
}

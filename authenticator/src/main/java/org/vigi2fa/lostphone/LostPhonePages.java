package org.vigi2fa.lostphone;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.vigi2fa.SignInAgain;
import org.vigi2fa.link.LinkPages;
import org.vigi2fa.notify.EmailMask;

/** The pages of the emailed link: confirm and done. */
final class LostPhonePages {

    private LostPhonePages() {
    }

    /** What confirming will do, the confirm button, and the password field when the link was opened elsewhere. */
    static Response confirm(ActionTokenContext<LostPhoneActionToken> tokenContext, UserModel user,
            boolean needsPassword, FormMessage error) {
        LoginFormsProvider forms = LinkPages.confirmForm(tokenContext, user)
                .setAttribute(LostPhoneIds.ATTR_NEEDS_PASSWORD, needsPassword)
                .setAttribute(LostPhoneIds.ATTR_MASKED_EMAIL, EmailMask.mask(user.getEmail()));
        // "Keep two-factor authentication on": leave without a change, to where the person came from
        SignInAgain.offer(forms, tokenContext.getSession(), tokenContext.getRealm(), tokenContext.getAuthenticationSession());
        if (error != null) {
            forms.addError(error);
        }
        return forms.createForm(LostPhoneIds.TPL_LOST_CONFIRM);
    }

    /** "2FA is off". */
    static Response done(ActionTokenContext<LostPhoneActionToken> tokenContext, UserModel user) {
        return LinkPages.doneForm(tokenContext, user).createForm(LostPhoneIds.TPL_LOST_DONE);
    }
}

package org.vigi2fa.report;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.models.UserModel;
import org.vigi2fa.link.LinkPages;
import org.vigi2fa.removal.TwoFactorRemoval;

/** The pages of the "This wasn't me" link: confirm and done. */
final class ReportPages {

    private ReportPages() {
    }

    /** What confirming will do and the confirm button (a POST: a scanner that fetches the link changes nothing). */
    static Response confirm(ActionTokenContext<ReportActionToken> tokenContext, UserModel user, boolean blocksLostPhone) {
        return LinkPages.confirmForm(tokenContext, user)
                .setAttribute(ReportIds.ATTR_BLOCKS_LOST_PHONE, blocksLostPhone)
                .createForm(ReportIds.TPL_CONFIRM);
    }

    /** "Your account is secured": what happened and what to do next. */
    static Response done(ActionTokenContext<ReportActionToken> tokenContext, UserModel user) {
        return LinkPages.doneForm(tokenContext, user)
                .setAttribute(ReportIds.ATTR_HAS_CODE, !TwoFactorRemoval.otpCredentials(user).isEmpty())
                .createForm(ReportIds.TPL_DONE);
    }
}

package org.vigi2fa.report;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.ActionTokenClaim;
import org.vigi2fa.OncePerBrowser;
import org.vigi2fa.VigiIds;

/**
 * Opens the "This wasn't me" link. A GET (a person, or a mail scanner) only shows what confirming does; the confirm
 * button POSTs, and only that POST consumes the single use and secures the account ({@link NotMeReport}).
 */
public final class ReportActionTokenHandler extends AbstractActionTokenHandler<ReportActionToken> {

    private static final ActionTokenClaim CLAIM = new ActionTokenClaim(ReportIds.CLAIM_KEY_PREFIX);

    public ReportActionTokenHandler() {
        super(ReportActionToken.TOKEN_TYPE, ReportActionToken.class, ReportIds.MSG_STALE,
                EventType.CUSTOM_REQUIRED_ACTION, Errors.INVALID_TOKEN);
    }

    @Override
    public Predicate<? super ReportActionToken>[] getVerifiers(ActionTokenContext<ReportActionToken> tokenContext) {
        // used, unless by this very browser (a double-click, a resubmit): that one sees the done page again
        return TokenUtils.predicates(TokenUtils.checkThat(t -> !CLAIM.taken(tokenContext.getSession(), t)
                || CLAIM.confirmedIn(tokenContext, t),
                Errors.EXPIRED_CODE, ReportIds.MSG_USED));
    }

    @Override
    public boolean canUseTokenRepeatedly(ReportActionToken token, ActionTokenContext<ReportActionToken> tokenContext) {
        // only to show the browser that confirmed the done page again: handleToken changes nothing then
        return CLAIM.confirmedIn(tokenContext, token);
    }

    @Override
    public Response handleToken(ReportActionToken token, ActionTokenContext<ReportActionToken> tokenContext) {
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        // the token's user when a confirm of this browser already reset the session (its twins show the done page)
        UserModel user = authSession.getAuthenticatedUser() != null ? authSession.getAuthenticatedUser()
                : tokenContext.getSession().users().getUserById(tokenContext.getRealm(), token.getUserId());
        EventBuilder event = tokenContext.getEvent().event(EventType.CUSTOM_REQUIRED_ACTION).user(user)
                .detail(VigiIds.EVENT_DETAIL, ReportIds.EVENT_REPORTED).detail(ReportIds.DETAIL_MAIL_KIND, token.getKind());
        // Keycloak only consumes the key when a login finishes; this handler consumes it itself, on confirm.
        authSession.removeAuthNote(AuthenticationManager.INVALIDATE_ACTION_TOKEN);
        if (CLAIM.confirmedIn(tokenContext, token)) {
            return ReportPages.done(tokenContext, user);
        }
        MultivaluedMap<String, String> form = HttpMethod.POST.equals(tokenContext.getRequest().getHttpMethod())
                ? tokenContext.getRequest().getDecodedFormParameters() : null;
        if (form == null || form.getFirst(ReportIds.FIELD_CONFIRM) == null) {
            return ReportPages.confirm(tokenContext, user, LostPhoneBlock.closesFor(token.getKind()));
        }
        // A twin of this confirm from the same browser waits for it, and shows the done page once it committed.
        OncePerBrowser.Work work = CLAIM.confirmIn(tokenContext, token).begin(tokenContext.getSession());
        if (work == null) {
            return ReportPages.done(tokenContext, user);
        }
        if (!CLAIM.claim(tokenContext.getSession(), token)) {
            event.clone().error(Errors.EXPIRED_CODE);
            return ReportPages.error(tokenContext, ReportIds.MSG_USED);
        }
        NotMeReport.apply(tokenContext.getSession(), tokenContext.getRealm(), user, token.getKind(), event);
        work.succeeded();
        // The link signs in nobody: the session it opened starts over at the password.
        AuthenticationProcessor.resetFlow(authSession, LoginActionsService.AUTHENTICATE_PATH);
        return ReportPages.done(tokenContext, user);
    }

}

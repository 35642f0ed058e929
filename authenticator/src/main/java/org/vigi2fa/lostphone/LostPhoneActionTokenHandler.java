package org.vigi2fa.lostphone;

import java.util.Objects;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.ActionTokenClaim;
import org.vigi2fa.OncePerBrowser;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.guard.Reauthentication;
import org.vigi2fa.removal.TwoFactorRemoval;
import org.vigi2fa.report.LostPhoneBlock;
import org.vigi2fa.report.ReportIds;

/**
 * Opens the emailed lost-phone link. A GET only shows what will happen; the confirm button POSTs, and only that
 * POST consumes the single use (atomically, in the store Keycloak's own used-token check reads: UsedActionTokens) and turns 2FA off.
 */
public final class LostPhoneActionTokenHandler extends AbstractActionTokenHandler<LostPhoneActionToken> {

    private static final ActionTokenClaim CLAIM = new ActionTokenClaim(LostPhoneIds.CLAIM_KEY_PREFIX);

    public LostPhoneActionTokenHandler() {
        super(LostPhoneActionToken.TOKEN_TYPE, LostPhoneActionToken.class, LostPhoneIds.MSG_STALE,
                EventType.REMOVE_CREDENTIAL, Errors.INVALID_TOKEN);
    }

    @Override
    public Predicate<? super LostPhoneActionToken>[] getVerifiers(ActionTokenContext<LostPhoneActionToken> tokenContext) {
        return TokenUtils.predicates(
                // Bound to the credential it was issued for: a re-enrolment (new credential) kills the link.
                TokenUtils.checkThat(t -> boundCredential(t, tokenContext) != null || CLAIM.taken(tokenContext.getSession(), t),
                        Errors.CREDENTIAL_NOT_FOUND, LostPhoneIds.MSG_STALE),
                // Bound to the address it went to and to the password of that time: a change of either kills it.
                TokenUtils.checkThat(t -> t.getEmail() != null && t.getEmail().equals(user(tokenContext, t).getEmail()),
                        Errors.INVALID_EMAIL, LostPhoneIds.MSG_STALE),
                TokenUtils.checkThat(t -> Objects.equals(t.getPasswordStamp(), LostPhoneActionToken.passwordStamp(user(tokenContext, t))),
                        Errors.INVALID_TOKEN, LostPhoneIds.MSG_STALE),
                // used, unless by this very browser (a double-click, a resubmit): that one sees the done page again
                TokenUtils.checkThat(t -> !CLAIM.taken(tokenContext.getSession(), t)
                        || CLAIM.confirmedIn(tokenContext, t),
                        Errors.EXPIRED_CODE, LostPhoneIds.MSG_USED),
                // closed by "This wasn't me" after the link was sent: the mailbox may not be the owner's
                TokenUtils.checkThat(t -> !LostPhoneBlock.isClosed(user(tokenContext, t)), Errors.NOT_ALLOWED, ReportIds.MSG_LOST_PHONE_BLOCKED));
    }

    @Override
    public boolean canUseTokenRepeatedly(LostPhoneActionToken token, ActionTokenContext<LostPhoneActionToken> tokenContext) {
        // only to show the browser that confirmed the done page again: handleToken changes nothing then
        return CLAIM.confirmedIn(tokenContext, token);
    }

    @Override
    public Response handleToken(LostPhoneActionToken token, ActionTokenContext<LostPhoneActionToken> tokenContext) {
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        UserModel user = user(tokenContext, token);
        EventBuilder event = tokenContext.getEvent().event(EventType.REMOVE_CREDENTIAL).user(user)
                .detail(VigiIds.EVENT_DETAIL, LostPhoneIds.EVENT_CONFIRM);
        // Keycloak only consumes the key when a login finishes; this handler consumes it itself on confirm.
        authSession.removeAuthNote(AuthenticationManager.INVALIDATE_ACTION_TOKEN);

        if (CLAIM.confirmedIn(tokenContext, token)) {
            return LostPhonePages.done(tokenContext, user);
        }
        // A fresh authentication session means the browser does not hold the login the link was sent from.
        boolean needsPassword = tokenContext.isAuthenticationSessionFresh()
                && TwoFactorSettings.of(tokenContext.getSession(), tokenContext.getRealm()).passwordWhenOpenedElsewhere();
        MultivaluedMap<String, String> form = HttpMethod.POST.equals(tokenContext.getRequest().getHttpMethod())
                ? tokenContext.getRequest().getDecodedFormParameters() : null;
        if (form == null || form.getFirst(LostPhoneIds.FIELD_LOST_CONFIRM) == null) {
            return LostPhonePages.confirm(tokenContext, user, needsPassword, null);
        }
        // A twin of this confirm from the same browser waits for it, and shows the done page once it committed.
        OncePerBrowser.Work work = CLAIM.confirmIn(tokenContext, token).begin(tokenContext.getSession());
        if (work == null) {
            return LostPhonePages.done(tokenContext, user);
        }
        Response refused = refusal(tokenContext, token, user, needsPassword ? form.getFirst(VigiIds.FIELD_PASSWORD) : null,
                needsPassword, event);
        if (refused != null) {
            return refused;
        }
        return confirm(tokenContext, token, user, event, work);
    }

    /** Claims the link's single use and turns 2FA off; the loser of a race with another browser hears "already used". */
    private static Response confirm(ActionTokenContext<LostPhoneActionToken> tokenContext, LostPhoneActionToken token,
            UserModel user, EventBuilder event, OncePerBrowser.Work work) {
        if (!CLAIM.claim(tokenContext.getSession(), token)) {
            event.clone().error(Errors.EXPIRED_CODE);
            return LostPhonePages.error(tokenContext, LostPhoneIds.MSG_USED);
        }
        TwoFactorRemoval.remove(tokenContext.getSession(), tokenContext.getRealm(), user, null, event, LostPhoneIds.EVENT_CONFIRM, null);
        work.succeeded();
        // The login this link came from cannot continue as it was: it starts over at the password. The session is
        // reset rather than removed, so confirms still in flight from the same browser find it and see the done page.
        AuthenticationProcessor.resetFlow(tokenContext.getAuthenticationSession(), LoginActionsService.AUTHENTICATE_PATH);
        return LostPhonePages.done(tokenContext, user);
    }

    /** Why this confirm may not turn 2FA off (link used, account locked, wrong password), as the page to show; else null. */
    private static Response refusal(ActionTokenContext<LostPhoneActionToken> tokenContext, LostPhoneActionToken token, UserModel user,
            String password, boolean needsPassword, EventBuilder event) {
        KeycloakSession session = tokenContext.getSession();
        RealmModel realm = tokenContext.getRealm();
        if (CLAIM.taken(session, token)) {
            event.clone().error(Errors.EXPIRED_CODE);
            return LostPhonePages.error(tokenContext, LostPhoneIds.MSG_USED);
        }
        if (!needsPassword) {
            return null;
        }
        // Keycloak's default protector also refuses a second concurrent password check for the same user.
        if (Reauthentication.isLocked(session, realm, user)) {
            event.clone().error(Errors.USER_TEMPORARILY_DISABLED);
            return LostPhonePages.confirm(tokenContext, user, true, new FormMessage(null, LostPhoneIds.MSG_LOCKED));
        }
        if (!Reauthentication.passwordMatches(user, password)) {
            Reauthentication.countFailure(session, realm, user, PasswordCredentialModel.TYPE);
            event.clone().error(Errors.INVALID_USER_CREDENTIALS);
            return LostPhonePages.confirm(tokenContext, user, true, new FormMessage(VigiIds.FIELD_PASSWORD, LostPhoneIds.MSG_WRONG_PASSWORD));
        }
        return null;
    }

    /**
     * The user the link is for: the one of the authentication session, or the token's own when a confirm of the same
     * login already reset that session (its twins then only show the done page).
     */
    private static UserModel user(ActionTokenContext<LostPhoneActionToken> tokenContext, LostPhoneActionToken token) {
        UserModel user = tokenContext.getAuthenticationSession().getAuthenticatedUser();
        return user != null ? user : tokenContext.getSession().users().getUserById(tokenContext.getRealm(), token.getUserId());
    }

    private static CredentialModel boundCredential(LostPhoneActionToken token, ActionTokenContext<LostPhoneActionToken> tokenContext) {
        UserModel user = user(tokenContext, token);
        if (user == null || token.getCredentialId() == null) {
            return null;
        }
        CredentialModel credential = user.credentialManager().getStoredCredentialById(token.getCredentialId());
        return credential != null && OTPCredentialModel.TYPE.equals(credential.getType()) ? credential : null;
    }
}

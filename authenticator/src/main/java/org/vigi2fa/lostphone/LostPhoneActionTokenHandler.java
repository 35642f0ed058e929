package org.vigi2fa.lostphone;

import java.util.List;
import java.util.Objects;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.guard.Outcome;
import org.vigi2fa.guard.PasswordCheck;
import org.vigi2fa.link.ConfirmedLinkHandler;
import org.vigi2fa.removal.TwoFactorRemoval;
import org.vigi2fa.metrics.MetricsIds;
import org.vigi2fa.metrics.VigiMetrics;

/**
 * Opens the emailed lost-phone link: its confirm turns 2FA off. Bound to the authenticator, the address and the
 * password of the time it was sent; a browser that does not hold the login it came from gives the password too.
 */
public final class LostPhoneActionTokenHandler extends ConfirmedLinkHandler<LostPhoneActionToken> {

    public LostPhoneActionTokenHandler() {
        super(LostPhoneActionToken.TOKEN_TYPE, LostPhoneActionToken.class, EventType.REMOVE_CREDENTIAL,
                new Texts(LostPhoneIds.CLAIM_KEY_PREFIX, LostPhoneIds.MSG_STALE, LostPhoneIds.MSG_USED));
    }

    @Override
    protected List<Predicate<? super LostPhoneActionToken>> linkChecks(ActionTokenContext<LostPhoneActionToken> tokenContext) {
        return List.of(
                // Bound to the credential it was issued for: a re-enrolment (new credential) kills the link.
                TokenUtils.checkThat(t -> boundCredential(t, tokenContext) != null || taken(tokenContext, t),
                        Errors.CREDENTIAL_NOT_FOUND, LostPhoneIds.MSG_STALE),
                // Bound to the address it went to and to the password of that time: a change of either kills it.
                TokenUtils.checkThat(t -> t.getEmail() != null && t.getEmail().equals(user(tokenContext, t.getUserId()).getEmail()),
                        Errors.INVALID_EMAIL, LostPhoneIds.MSG_STALE),
                TokenUtils.checkThat(t -> Objects.equals(t.getPasswordStamp(), LostPhoneActionToken.passwordStamp(user(tokenContext, t.getUserId()))),
                        Errors.INVALID_TOKEN, LostPhoneIds.MSG_STALE),
                // closed by "This wasn't me" after the link was sent: the mailbox may not be the owner's
                TokenUtils.checkThat(t -> !LostPhoneBlock.isClosed(user(tokenContext, t.getUserId())), Errors.NOT_ALLOWED,
                        LostPhoneIds.MSG_BLOCKED));
    }

    @Override
    protected EventBuilder describe(EventBuilder event, LostPhoneActionToken token) {
        return event.detail(VigiIds.EVENT_DETAIL, LostPhoneIds.EVENT_CONFIRM);
    }

    @Override
    protected Response confirmPage(ActionTokenContext<LostPhoneActionToken> tokenContext, LostPhoneActionToken token, UserModel user) {
        return LostPhonePages.confirm(tokenContext, user, needsPassword(tokenContext), null);
    }

    @Override
    protected Response donePage(ActionTokenContext<LostPhoneActionToken> tokenContext, UserModel user) {
        return LostPhonePages.done(tokenContext, user);
    }

    /** A wrong password, or a locked account, when the link was opened outside its login. */
    @Override
    protected Response refusal(ActionTokenContext<LostPhoneActionToken> tokenContext, LostPhoneActionToken token, UserModel user,
            MultivaluedMap<String, String> form, EventBuilder event) {
        if (!needsPassword(tokenContext)) {
            return null;
        }
        // Keycloak's default protector also refuses a second concurrent password check for the same user.
        Outcome password = PasswordCheck.check(tokenContext.getSession(), tokenContext.getRealm(), user, form.getFirst(VigiIds.FIELD_PASSWORD));
        if (password == Outcome.OK) {
            return null;
        }
        event.clone().error(password.eventError());
        return LostPhonePages.confirm(tokenContext, user, true, new FormMessage(VigiIds.FIELD_PASSWORD, password.passwordMessage()));
    }

    @Override
    protected void apply(ActionTokenContext<LostPhoneActionToken> tokenContext, LostPhoneActionToken token, UserModel user,
            EventBuilder event) {
        if (TwoFactorRemoval.remove(tokenContext.getSession(), tokenContext.getRealm(), user, null, event, LostPhoneIds.EVENT_CONFIRM, null)) {
            VigiMetrics.lostPhoneLink(tokenContext.getSession(), tokenContext.getRealm(), MetricsIds.OUTCOME_CONFIRMED);
            VigiMetrics.turnedOff(tokenContext.getSession(), tokenContext.getRealm(), MetricsIds.PATH_LOST_PHONE);
        }
    }

    /** A fresh authentication session means the browser does not hold the login the link was sent from. */
    private static boolean needsPassword(ActionTokenContext<LostPhoneActionToken> tokenContext) {
        return tokenContext.isAuthenticationSessionFresh()
                && TwoFactorSettings.of(tokenContext.getSession(), tokenContext.getRealm()).passwordWhenOpenedElsewhere();
    }

    private static CredentialModel boundCredential(LostPhoneActionToken token, ActionTokenContext<LostPhoneActionToken> tokenContext) {
        UserModel user = user(tokenContext, token.getUserId());
        if (user == null || token.getCredentialId() == null) {
            return null;
        }
        CredentialModel credential = user.credentialManager().getStoredCredentialById(token.getCredentialId());
        return credential != null && OTPCredentialModel.TYPE.equals(credential.getType()) ? credential : null;
    }
}

package org.vigi2fa.lostphone;

import java.util.List;
import java.util.Map;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionCompoundId;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.VigiIds;
import org.vigi2fa.accountchange.CoolingOff;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.guard.Reauthentication;
import org.vigi2fa.notify.EmailMask;
import org.vigi2fa.notify.PublicAddress;
import org.vigi2fa.notify.TwoFactorNotifier;
import org.vigi2fa.removal.TwoFactorRemoval;

import static org.vigi2fa.lostphone.LostPhoneIds.DETAIL_REFUSED;
import org.vigi2fa.metrics.MetricsIds;
import org.vigi2fa.metrics.VigiMetrics;

/**
 * "Can't use your authenticator app?" on the code page: mails the account's address a single-use link
 * that turns 2FA off, rate-limited per user and counted by brute-force protection.
 */
public final class LostPhoneRequest {

    private LostPhoneRequest() {
    }

    /** Handles the lost-phone POST of the code step: sends the link and shows "check your mailbox", or says why not. */
    public static void handle(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        // Keycloak has no event type for "link to turn a credential off was mailed"; a custom action with our detail
        // is the closest without pretending it is a password reset.
        EventBuilder event = context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(VigiIds.EVENT_DETAIL, LostPhoneIds.EVENT_REQUEST);
        if (user == null) {
            event.error(Errors.USER_NOT_FOUND);
            refuse(context, LostPhoneIds.MSG_UNAVAILABLE);
            return;
        }
        event.user(user);
        if (PublicAddress.followsRequests(context.getSession())) {
            // a link built from this request's Host header would send the victim's click wherever the asker chose
            event.detail(DETAIL_REFUSED, LostPhoneIds.REFUSED_NO_ADDRESS).error(Errors.NOT_ALLOWED);
            refuse(context, LostPhoneIds.MSG_NO_ADDRESS);
            return;
        }
        List<CredentialModel> otp = TwoFactorRemoval.otpCredentials(user);
        TwoFactorSettings settings = TwoFactorSettings.of(context.getSession(), context.getRealm());
        if (refusedForAccount(context, user, otp, settings, event) || !claimCooldown(context, user, settings, event)) {
            return;
        }
        // Every request mails the user; someone who knows the password must not be able to do it endlessly.
        Reauthentication.countFailure(context.getSession(), context.getRealm(), user, OTPCredentialModel.TYPE);
        sendLink(context, user, otp.get(0).getId(), settings, event);
    }

    /** The account cannot have the link: no 2FA, no (verified) address, or paused after a change. Shows why. */
    private static boolean refusedForAccount(AuthenticationFlowContext context, UserModel user, List<CredentialModel> otp,
            TwoFactorSettings settings, EventBuilder event) {
        if (otp.isEmpty() || user.getEmail() == null || user.getEmail().isBlank()) {
            event.error(otp.isEmpty() ? Errors.CREDENTIAL_NOT_FOUND : Errors.INVALID_EMAIL);
            refuse(context, LostPhoneIds.MSG_UNAVAILABLE);
            return true;
        }
        if (!user.isEmailVerified()) {
            // an address nobody proved to own is no second factor
            event.detail(DETAIL_REFUSED, LostPhoneIds.REFUSED_UNVERIFIED).error(Errors.INVALID_EMAIL);
            refuse(context, LostPhoneIds.MSG_UNVERIFIED);
            return true;
        }
        if (LostPhoneBlock.isClosed(user)) {
            // "This wasn't me" on a "2FA off" or "e-mail changed" mail: the mailbox may not be the owner's
            event.detail(DETAIL_REFUSED, LostPhoneIds.REFUSED_REPORTED).error(Errors.NOT_ALLOWED);
            refuse(context, LostPhoneIds.MSG_BLOCKED);
            return true;
        }
        long paused = CoolingOff.remainingSeconds(user, settings);
        if (paused > 0) {
            event.detail(DETAIL_REFUSED, LostPhoneIds.REFUSED_PAUSED).error(Errors.NOT_ALLOWED);
            refuse(context, LostPhoneIds.MSG_PAUSED, (paused + 3599) / 3600);
            return true;
        }
        return false;
    }

    /** Checks the lockout and takes the per-user cooldown; false (with the page shown) when either refuses. */
    private static boolean claimCooldown(AuthenticationFlowContext context, UserModel user, TwoFactorSettings settings,
            EventBuilder event) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        // The lockout is read first, and without Keycloak's block on concurrent requests: neither the failures that
        // the losers of a double-click count nor their mere presence may refuse the one request that wins the claim.
        if (Reauthentication.isLockedByFailures(session, realm, user)) {
            event.error(Errors.USER_TEMPORARILY_DISABLED);
            refuse(context, VigiIds.MSG_LOCKED);
            return false;
        }
        int cooldown = settings.requestCooldownSeconds();
        // The cooldown is atomic, so of simultaneous requests exactly one goes on; the others hear that it did.
        if (cooldown > 0 && !session.singleUseObjects().putIfAbsent(cooldownKey(realm, user), cooldown)) {
            Reauthentication.countFailure(session, realm, user, OTPCredentialModel.TYPE);
            event.error(Errors.SLOW_DOWN);
            refuse(context, LostPhoneIds.MSG_WAIT, cooldown);
            return false;
        }
        return true;
    }

    /** Issues the token, mails the link and shows "check your mailbox"; a failed mail frees the cooldown. */
    private static void sendLink(AuthenticationFlowContext context, UserModel user, String credentialId,
            TwoFactorSettings settings, EventBuilder event) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        int lifetime = settings.linkLifetimeSeconds();
        int minutes = Math.max(1, lifetime / 60);
        LostPhoneActionToken token = LostPhoneActionToken.issue(session, realm, user, Time.currentTime() + lifetime,
                AuthenticationSessionCompoundId.fromAuthSession(authSession).getEncodedId(), credentialId,
                authSession.getClient().getClientId());
        if (!TwoFactorNotifier.sendNow(session, realm, user, authSession, LostPhoneIds.MSG_MAIL_SUBJECT, LostPhoneIds.TPL_MAIL_LOST_LINK,
                Map.of(LostPhoneIds.MAIL_LINK, link(context, token), LostPhoneIds.MAIL_LINK_MINUTES, minutes))) {
            // Nothing was sent: the user may retry at once.
            session.singleUseObjects().remove(cooldownKey(realm, user));
            event.error(Errors.EMAIL_SEND_FAILED);
            refuse(context, LostPhoneIds.MSG_MAIL_FAILED);
            return;
        }
        event.detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE).detail(Details.CREDENTIAL_ID, credentialId)
                .detail(Details.TOKEN_ID, token.getId()).success();
        VigiMetrics.lostPhoneLink(session, realm, MetricsIds.OUTCOME_SENT);
        context.challenge(context.form()
                .setAttribute(LostPhoneIds.ATTR_MASKED_EMAIL, EmailMask.mask(user.getEmail()))
                .setAttribute(LostPhoneIds.ATTR_LINK_MINUTES, minutes)
                .setAttribute(LostPhoneIds.ATTR_RESEND_SECONDS, settings.requestCooldownSeconds())
                .createForm(LostPhoneIds.TPL_LOST_SENT));
    }

    /** The action-token URL of the link, continuing the login it was asked from. */
    private static String link(AuthenticationFlowContext context, LostPhoneActionToken token) {
        KeycloakSession session = context.getSession();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return Urls.actionTokenBuilder(session.getContext().getUri().getBaseUri(),
                        token.serialize(session, context.getRealm(), session.getContext().getUri()),
                        authSession.getClient().getClientId(), authSession.getTabId(),
                        AuthenticationProcessor.getClientData(session, authSession))
                .build(context.getRealm().getName()).toString();
    }

    private static String cooldownKey(RealmModel realm, UserModel user) {
        return LostPhoneIds.COOLDOWN_KEY_PREFIX + realm.getId() + "." + user.getId();
    }

    private static void refuse(AuthenticationFlowContext context, String message, Object... params) {
        VigiMetrics.lostPhoneLink(context.getSession(), context.getRealm(), MetricsIds.OUTCOME_REFUSED);
        context.challenge(context.form().setError(message, params).createForm(VigiIds.TPL_CODE));
    }
}

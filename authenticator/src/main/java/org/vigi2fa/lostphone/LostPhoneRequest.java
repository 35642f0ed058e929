package org.vigi2fa.lostphone;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

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
import org.vigi2fa.removal.TwoFactorRemoval;
import org.vigi2fa.guard.Reauthentication;
import org.vigi2fa.notify.TwoFactorNotifier;

/**
 * "Can't use your authenticator app?" on the code page: mails the account's address a single-use link
 * that turns 2FA off, rate-limited per user and counted by brute-force protection.
 */
public final class LostPhoneRequest {

    /** Single-use-store key prefix of the per-user cooldown. */
    static final String COOLDOWN_KEY_PREFIX = "vigi-2fa-lost-cooldown.";
    static final String EVENT_STEP = "lost-phone-link";

    public static final String MSG_UNAVAILABLE = "vigi2faLostPhoneUnavailable";
    public static final String MSG_WAIT = "vigi2faLostPhoneWait";
    public static final String MSG_MAIL_FAILED = "vigi2faLostPhoneMailFailed";
    public static final String MSG_LOCKED = "vigi2faLostPhoneLocked";
    public static final String MSG_UNVERIFIED = "vigi2faLostPhoneUnverified";
    public static final String MSG_PAUSED = "vigi2faLostPhonePaused";
    /** Event detail: why the link was refused although the user has 2FA and an address. */
    static final String DETAIL_REFUSED = "vigi_2fa_refused";

    private LostPhoneRequest() {
    }

    /** Handles the lost-phone POST of the code step: sends the link and shows "check your mailbox", or says why not. */
    public static void handle(AuthenticationFlowContext context) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        // Keycloak has no event type for "link to turn a credential off was mailed"; a custom action with our detail
        // is the closest without pretending it is a password reset.
        EventBuilder event = context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(VigiIds.EVENT_DETAIL, EVENT_STEP);
        if (user == null) {
            event.error(Errors.USER_NOT_FOUND);
            refuse(context, MSG_UNAVAILABLE);
            return;
        }
        event.user(user);
        List<CredentialModel> otp = TwoFactorRemoval.otpCredentials(user);
        if (otp.isEmpty() || user.getEmail() == null || user.getEmail().isBlank()) {
            event.error(otp.isEmpty() ? Errors.CREDENTIAL_NOT_FOUND : Errors.INVALID_EMAIL);
            refuse(context, MSG_UNAVAILABLE);
            return;
        }
        TwoFactorSettings settings = TwoFactorSettings.of(realm);
        if (!user.isEmailVerified()) {
            // an address nobody proved to own is no second factor
            event.detail(DETAIL_REFUSED, "email-not-verified").error(Errors.INVALID_EMAIL);
            refuse(context, MSG_UNVERIFIED);
            return;
        }
        long paused = CoolingOff.remainingSeconds(user, settings);
        if (paused > 0) {
            event.detail(DETAIL_REFUSED, "recent-account-change").error(Errors.NOT_ALLOWED);
            refuse(context, MSG_PAUSED, (paused + 3599) / 3600);
            return;
        }
        String cooldownKey = COOLDOWN_KEY_PREFIX + realm.getId() + "." + user.getId();
        int cooldown = settings.requestCooldownSeconds();
        // The cooldown comes first: it is atomic, so of simultaneous requests exactly one goes on.
        if (cooldown > 0 && !session.singleUseObjects().putIfAbsent(cooldownKey, cooldown)) {
            Reauthentication.countFailure(session, realm, user, OTPCredentialModel.TYPE);
            event.error(Errors.SLOW_DOWN);
            refuse(context, MSG_WAIT, cooldown);
            return;
        }
        if (Reauthentication.isLocked(session, realm, user)) {
            session.singleUseObjects().remove(cooldownKey);
            event.error(Errors.USER_TEMPORARILY_DISABLED);
            refuse(context, MSG_LOCKED);
            return;
        }
        // Every request mails the user; someone who knows the password must not be able to do it endlessly.
        Reauthentication.countFailure(session, realm, user, OTPCredentialModel.TYPE);

        int lifetime = settings.linkLifetimeSeconds();
        String credentialId = otp.get(0).getId();
        LostPhoneActionToken token = LostPhoneActionToken.issue(session, realm, user, Time.currentTime() + lifetime,
                AuthenticationSessionCompoundId.fromAuthSession(authSession).getEncodedId(), credentialId,
                authSession.getClient().getClientId());
        String link = Urls.actionTokenBuilder(session.getContext().getUri().getBaseUri(),
                        token.serialize(session, realm, session.getContext().getUri()),
                        authSession.getClient().getClientId(), authSession.getTabId(),
                        AuthenticationProcessor.getClientData(session, authSession))
                .build(realm.getName()).toString();
        if (!TwoFactorNotifier.send(session, realm, user, authSession, "vigi2faLostLinkSubject", VigiIds.TPL_MAIL_LOST_LINK,
                Map.of("link", link, "linkMinutes", Math.max(1, lifetime / 60)))) {
            // Nothing was sent: the user may retry at once.
            session.singleUseObjects().remove(cooldownKey);
            event.error(Errors.EMAIL_SEND_FAILED);
            refuse(context, MSG_MAIL_FAILED);
            return;
        }
        event.detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE).detail(Details.CREDENTIAL_ID, credentialId)
                .detail(Details.TOKEN_ID, token.getId()).success();
        Response sent = context.form()
                .setAttribute("vigiMaskedEmail", EmailMask.mask(user.getEmail()))
                .setAttribute("vigiLinkMinutes", Math.max(1, lifetime / 60))
                .createForm(VigiIds.TPL_LOST_SENT);
        context.challenge(sent);
    }

    private static void refuse(AuthenticationFlowContext context, String message, Object... params) {
        context.challenge(context.form().setError(message, params).createForm(VigiIds.TPL_CODE));
    }
}

package org.vigi2fa.removal;

import java.util.List;
import java.util.stream.Collectors;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.notify.TwoFactorNotifier;
import org.vigi2fa.recovery.RecoveryCodes;
import org.vigi2fa.trust.TrustIds;
import org.vigi2fa.trust.TrustedDevices;
import org.vigi2fa.metrics.MetricsIds;
import org.vigi2fa.metrics.VigiMetrics;

/**
 * Turns 2FA off for a user (from settings, from the lost-phone link, and after an administrator's removal): removes the
 * OTP credentials, signs out everywhere, records events, sends the mail.
 */
public final class TwoFactorRemoval {

    private TwoFactorRemoval() {
    }

    /** The user's OTP credentials, oldest first. */
    public static List<CredentialModel> otpCredentials(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).collect(Collectors.toList());
    }

    /** The user's OTP credentials with one of these ids ({@code credentialIds} null: all of them). */
    public static List<CredentialModel> targets(UserModel user, List<String> credentialIds) {
        return otpCredentials(user).stream()
                .filter(c -> credentialIds == null || credentialIds.contains(c.getId()))
                .collect(Collectors.toList());
    }

    /**
     * Removes the given OTP credentials (all of the user's when {@code credentialIds} is null) and, when no OTP is
     * left, applies the consequences of 2FA being off. {@code keepSessionId} is the user session the request runs in
     * (kept alive so an application-initiated action can finish), or null.
     * Returns whether anything was removed.
     */
    public static boolean remove(KeycloakSession session, RealmModel realm, UserModel user, List<String> credentialIds,
            EventBuilder event, String how, String keepSessionId) {
        List<CredentialModel> targets = targets(user, credentialIds);
        if (targets.isEmpty()) {
            return false;
        }
        for (CredentialModel credential : targets) {
            if (!user.credentialManager().removeStoredCredentialById(credential.getId())) {
                continue;
            }
            EventBuilder removed = event.clone().event(EventType.REMOVE_CREDENTIAL).user(user)
                    .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE)
                    .detail(Details.CREDENTIAL_ID, credential.getId())
                    .detail(Details.CREDENTIAL_USER_LABEL, credential.getUserLabel())
                    .detail(VigiIds.EVENT_DETAIL, how);
            // Keycloak still emits the deprecated REMOVE_TOTP next to REMOVE_CREDENTIAL; listeners may rely on it.
            removed.clone().event(EventType.REMOVE_TOTP).success();
            removed.success();
        }
        // a device trusted with the removed authenticator must never skip a later one's code
        TrustedDevices.revokeAll(session, realm, user, TrustIds.REVOKED_2FA_OFF);
        if (otpCredentials(user).isEmpty()) {
            turnedOff(session, realm, user, event, keepSessionId);
            TwoFactorNotifier.turnedOff(session, realm, user);
        }
        return true;
    }

    /**
     * The help desk's reset: an administrator removed the user's authenticator through the admin API (Keycloak removed
     * the credential; its admin event names the administrator). The same consequences as the user's own turn-off
     * follow when it was the last one, with a user event naming the administrator and the mail saying who did it.
     */
    public static void removedByAdministrator(KeycloakSession session, RealmModel realm, UserModel user, String credentialId,
            String adminUserId) {
        if (!otpCredentials(user).isEmpty()) {
            // another authenticator is left: 2FA stays on, only the devices trusted with the removed one end
            TrustedDevices.revokeOrphans(session, realm, user, TrustIds.REVOKED_ADMIN);
            return;
        }
        TrustedDevices.revokeAll(session, realm, user, TrustIds.REVOKED_ADMIN);
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection());
        EventBuilder removed = event.clone().event(EventType.REMOVE_CREDENTIAL).user(user)
                .detail(Details.CREDENTIAL_TYPE, OTPCredentialModel.TYPE).detail(Details.CREDENTIAL_ID, credentialId)
                .detail(VigiIds.EVENT_DETAIL, RemovalIds.EVENT_BY_ADMIN).detail(RemovalIds.DETAIL_ADMIN, adminUserId);
        removed.clone().event(EventType.REMOVE_TOTP).success();
        removed.success();
        turnedOff(session, realm, user, event, null);
        TwoFactorNotifier.turnedOffByAdministrator(session, realm, user);
        VigiMetrics.turnedOff(session, realm, MetricsIds.PATH_ADMIN);
    }

    /** What follows once the user has no authenticator left: recovery codes go, every session and token ends. */
    private static void turnedOff(KeycloakSession session, RealmModel realm, UserModel user, EventBuilder event, String keepSessionId) {
        // recovery codes stand in for the authenticator: they go with it
        RecoveryCodes.removeAll(user, event);
        if (TwoFactorSettings.of(session, realm).signOutEverywhere()) {
            signOutEverywhere(session, realm, user, keepSessionId);
        }
    }

    /**
     * Ends every session of the user and every refresh and offline token, the way the admin "sign out" does:
     * not-before for tokens, back-channel logout for online sessions (but the kept one), removal of offline sessions.
     * Not AuthenticatorUtil.logoutOtherSessions: that keeps the auth session's own (also for the lost-phone link, which
     * keeps none), adds a LOGOUT event per session and leaves offline sessions alone while LOGOUT_ALL_SESSIONS_V1 is on.
     */
    public static void signOutEverywhere(KeycloakSession session, RealmModel realm, UserModel user, String keepSessionId) {
        // Every token issued before now dies, also those of the kept session; its application gets new ones next.
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        endOtherSessions(session, realm, user, keepSessionId);
    }

    /**
     * Ends every session of the user but the kept one, with their refresh tokens, and every offline session with its
     * offline tokens; sets no not-before, so what lives on its own (a trusted device) stays (a move to a new phone).
     */
    public static void endOtherSessions(KeycloakSession session, RealmModel realm, UserModel user, String keepSessionId) {
        List<UserSessionModel> online = session.sessions().getUserSessionsStream(realm, user)
                .filter(s -> !s.getId().equals(keepSessionId)).collect(Collectors.toList());
        for (UserSessionModel userSession : online) {
            AuthenticationManager.backchannelLogout(session, realm, userSession, session.getContext().getUri(),
                    session.getContext().getConnection(), session.getContext().getRequestHeaders(), true);
        }
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).collect(Collectors.toList());
        for (UserSessionModel userSession : offline) {
            session.sessions().removeOfflineUserSession(realm, userSession);
        }
    }
}

package org.vigi2fa.trust;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.vigi2fa.VigiIds;

/**
 * The trusted devices of a user, kept as credentials of type {@link TrustIds#CREDENTIAL_TYPE}: adding one, checking a
 * cookie against them, and ending them. {@link #revokeAll} is the one call every security event makes (2FA off, new
 * authenticator, password change or reset, sign-out everywhere, an administrator's removal of the authenticator).
 */
public final class TrustedDevices {

    /** At most this many per user; adding one more ends the oldest, so the store stays bounded. */
    static final int MAX_PER_USER = 10;
    private static final long DAY_MILLIS = 86_400_000L;

    private TrustedDevices() {
    }

    /** Stores a new trusted device verified with this OTP credential; returns it. Expired ones of the user go first. */
    static CredentialModel add(KeycloakSession session, RealmModel realm, UserModel user, TrustedDevice device, String secretHash) {
        removeWhere(session, realm, user, TrustedDevices::expired, TrustIds.REMOVED_EXPIRED);
        List<CredentialModel> existing = stored(user);
        existing.stream().sorted(Comparator.comparing(CredentialModel::getCreatedDate))
                .limit(Math.max(0, existing.size() - (MAX_PER_USER - 1)))
                .forEach(oldest -> remove(session, realm, user, oldest, TrustIds.REMOVED_OVER_LIMIT));
        CredentialModel credential = new CredentialModel();
        credential.setType(TrustIds.CREDENTIAL_TYPE);
        credential.setCreatedDate(Time.currentTimeMillis());
        credential.setUserLabel(device.label());
        credential.setCredentialData(device.toJson());
        credential.setSecretData(TrustedDevice.secretJson(secretHash));
        return user.credentialManager().createStoredCredential(credential);
    }

    /**
     * The user's trusted device the cookie names, when its secret matches, it was verified with one of the user's
     * current OTP credentials, it has not expired and no sign-out everywhere (not-before) came after it; else null.
     * An expired one is removed on sight.
     */
    static CredentialModel valid(KeycloakSession session, RealmModel realm, UserModel user, TrustCookie.Value cookie) {
        CredentialModel credential = user.credentialManager().getStoredCredentialById(cookie.credentialId());
        if (credential == null || !TrustIds.CREDENTIAL_TYPE.equals(credential.getType())
                || !TrustSecret.matches(cookie.secret(), TrustedDevice.hashOf(credential))) {
            return null;
        }
        if (expired(credential)) {
            remove(session, realm, user, credential, TrustIds.REMOVED_EXPIRED);
            return null;
        }
        boolean bound = bound(user, TrustedDevice.of(credential));
        return bound && !signedOutEverywhereSince(session, realm, user, credential) ? credential : null;
    }

    /** Whether the device was verified with one of the user's current OTP credentials (a re-enrolment unbinds it). */
    private static boolean bound(UserModel user, TrustedDevice device) {
        CredentialModel otp = device == null || device.otpCredentialId == null ? null
                : user.credentialManager().getStoredCredentialById(device.otpCredentialId);
        return otp != null && OTPCredentialModel.TYPE.equals(otp.getType());
    }

    /** Records the use; at most once a day, so parallel sign-ins do not all write the same row. */
    static void touch(UserModel user, CredentialModel credential) {
        TrustedDevice device = TrustedDevice.of(credential);
        long now = Time.currentTimeMillis();
        if (now / DAY_MILLIS != device.lastUsedAt / DAY_MILLIS) {
            device.lastUsedAt = now;
            credential.setCredentialData(device.toJson());
            user.credentialManager().updateStoredCredential(credential);
        }
    }

    /** Ends every trusted device of the user, each with a REMOVE_CREDENTIAL event naming why; returns how many. */
    public static int revokeAll(KeycloakSession session, RealmModel realm, UserModel user, String reason) {
        return removeWhere(session, realm, user, credential -> true, reason);
    }

    /** Ends the trusted devices whose OTP credential is gone (an administrator removed it); returns how many. */
    public static int revokeOrphans(KeycloakSession session, RealmModel realm, UserModel user, String reason) {
        return removeWhere(session, realm, user, credential -> !bound(user, TrustedDevice.of(credential)), reason);
    }

    /** Whether one of the user's trusted devices was verified with this OTP credential (removed or not). */
    public static boolean anyBoundTo(UserModel user, String otpCredentialId) {
        return stored(user).stream().map(TrustedDevice::of)
                .anyMatch(device -> device != null && otpCredentialId.equals(device.otpCredentialId));
    }

    static boolean expired(CredentialModel credential) {
        TrustedDevice device = TrustedDevice.of(credential);
        return device == null || device.expiresAt <= Time.currentTimeMillis();
    }

    /** The user's or the realm's not-before (Keycloak's "sign out everywhere" for tokens) is later than the device. */
    private static boolean signedOutEverywhereSince(KeycloakSession session, RealmModel realm, UserModel user, CredentialModel credential) {
        long notBefore = Math.max(realm.getNotBefore(), session.users().getNotBeforeOfUser(realm, user)) * 1000L;
        return credential.getCreatedDate() == null || credential.getCreatedDate() < notBefore;
    }

    private static List<CredentialModel> stored(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TrustIds.CREDENTIAL_TYPE).collect(Collectors.toList());
    }

    private static int removeWhere(KeycloakSession session, RealmModel realm, UserModel user, Predicate<CredentialModel> which, String reason) {
        int removed = 0;
        for (CredentialModel credential : stored(user)) {
            if (which.test(credential) && remove(session, realm, user, credential, reason)) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean remove(KeycloakSession session, RealmModel realm, UserModel user, CredentialModel credential, String reason) {
        if (!user.credentialManager().removeStoredCredentialById(credential.getId())) {
            return false;
        }
        new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.REMOVE_CREDENTIAL).user(user)
                .detail(Details.CREDENTIAL_TYPE, TrustIds.CREDENTIAL_TYPE)
                .detail(Details.CREDENTIAL_ID, credential.getId())
                .detail(Details.CREDENTIAL_USER_LABEL, credential.getUserLabel())
                .detail(VigiIds.EVENT_DETAIL, reason).success();
        return true;
    }
}

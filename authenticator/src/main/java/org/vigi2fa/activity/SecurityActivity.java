package org.vigi2fa.activity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.vigi2fa.SeenDevice;
import org.vigi2fa.metrics.MetricsIds;
import org.vigi2fa.metrics.VigiMetrics;

/**
 * The security activity of users: what happened, when, from which application, device and address. Rows are written
 * in the request's transaction, so an event that rolls back leaves none; the user entity is never touched.
 */
public final class SecurityActivity {

    /** Every kind that is a sign-in with the second factor (or what stood in for it). */
    public static final Set<String> SIGN_INS = Set.of(ActivityIds.KIND_SIGN_IN_CODE, ActivityIds.KIND_SIGN_IN_RECOVERY,
            ActivityIds.KIND_SIGN_IN_TRUSTED);
    /** A sign-in of the same device to the same application within this time is not recorded again. */
    static final long SIGN_IN_PRECISION_MILLIS = 3_600_000L;

    private SecurityActivity() {
    }

    /** Records an event of the user now: the application, this browser (device id, label) and the address Keycloak sees. */
    public static void record(KeycloakSession session, RealmModel realm, UserModel user, String kind, String clientId,
            String credentialId) {
        write(session, realm, user, kind, clientId, credentialId);
    }

    private static Activity write(KeycloakSession session, RealmModel realm, UserModel user, String kind, String clientId,
            String credentialId) {
        ActivityEntity row = row(realm, user, kind, clientId, credentialId);
        if (session.getContext().getHttpRequest() != null) {
            row.deviceId = DeviceCookie.idOrNew(session, realm);
            row.device = SeenDevice.of(session).label();
            row.ipAddress = session.getContext().getConnection().getRemoteAddr();
        }
        em(session).persist(row);
        return Activity.of(row);
    }

    /**
     * Records a sign-in with the second factor, at most once an hour for the same device and application (a scripted
     * client signing in all day makes one row an hour, not thousands). A sign-in with the code from a device the user
     * has not used before also mails the user ({@link NewDeviceMail}).
     */
    public static void recordSignIn(KeycloakSession session, RealmModel realm, UserModel user, String kind, String clientId,
            String credentialId) {
        VigiMetrics.signedIn(session, realm, ActivityIds.KIND_SIGN_IN_CODE.equals(kind) ? MetricsIds.FACTOR_CODE
                : ActivityIds.KIND_SIGN_IN_RECOVERY.equals(kind) ? MetricsIds.FACTOR_RECOVERY_CODE : MetricsIds.FACTOR_TRUSTED_DEVICE);
        String device = DeviceCookie.sent(session);
        boolean recent = device != null && !em(session).createNamedQuery("vigi2faActivitySameDevice", String.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", user.getId()).setParameter("kinds", SIGN_INS)
                .setParameter("deviceId", device).setParameter("clientId", clientId)
                .setParameter("since", Time.currentTimeMillis() - SIGN_IN_PRECISION_MILLIS).setMaxResults(1).getResultList().isEmpty();
        if (!recent) {
            boolean mail = ActivityIds.KIND_SIGN_IN_CODE.equals(kind) && NewDeviceMail.due(session, realm, user, device);
            Activity row = write(session, realm, user, kind, clientId, credentialId);
            if (mail) {
                NewDeviceMail.send(session, realm, user, row);
            }
        }
    }

    /** The user's rows since that time, newest first, one page (by id: also for a user who is gone). */
    public static List<Activity> recent(KeycloakSession session, RealmModel realm, String userId, long sinceMillis, int first, int max) {
        return em(session).createNamedQuery("vigi2faActivityOfUser", ActivityEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", userId).setParameter("since", sinceMillis)
                .setFirstResult(first).setMaxResults(max).getResultStream().map(Activity::of).toList();
    }

    /** The newest sign-in with this authenticator, if it signed the user in within the retention. */
    public static Optional<Activity> lastSignIn(KeycloakSession session, RealmModel realm, UserModel user, String credentialId) {
        return last(session, realm, user, credentialId, SIGN_INS);
    }

    /** The newest row of one of these kinds naming this authenticator (e.g. its move to a new phone), within the retention. */
    public static Optional<Activity> last(KeycloakSession session, RealmModel realm, UserModel user, String credentialId,
            Set<String> kinds) {
        if (credentialId == null) {
            return Optional.empty();
        }
        return em(session).createNamedQuery("vigi2faActivityLastWith", ActivityEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", user.getId()).setParameter("kinds", kinds)
                .setParameter("credentialId", credentialId).setMaxResults(1).getResultStream().findFirst().map(Activity::of);
    }

    /** Whether the user has a row from this device, or (device null) from any device at all. */
    static boolean knows(KeycloakSession session, RealmModel realm, UserModel user, String deviceId) {
        var query = deviceId == null ? em(session).createNamedQuery("vigi2faActivityAnyDevice", String.class)
                : em(session).createNamedQuery("vigi2faActivityOfDevice", String.class).setParameter("deviceId", deviceId);
        return !query.setParameter("realmId", realm.getId()).setParameter("userId", user.getId())
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether the user signed in from a device with this label and this address since then. */
    static boolean signedInFrom(KeycloakSession session, RealmModel realm, UserModel user, String device, String ipAddress,
            long sinceMillis) {
        return !em(session).createNamedQuery("vigi2faActivitySameLabel", String.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", user.getId()).setParameter("kinds", SIGN_INS)
                .setParameter("device", device).setParameter("ipAddress", ipAddress).setParameter("since", sinceMillis)
                .setMaxResults(1).getResultList().isEmpty();
    }

    static int deleteUser(KeycloakSession session, String realmId, String userId) {
        return em(session).createNamedQuery("vigi2faActivityDeleteUser").setParameter("realmId", realmId)
                .setParameter("userId", userId).executeUpdate();
    }

    static int deleteRealm(KeycloakSession session, String realmId) {
        return em(session).createNamedQuery("vigi2faActivityDeleteRealm").setParameter("realmId", realmId).executeUpdate();
    }

    static int deleteOlderThan(KeycloakSession session, String realmId, long beforeMillis) {
        return em(session).createNamedQuery("vigi2faActivityDeleteOld").setParameter("realmId", realmId)
                .setParameter("before", beforeMillis).executeUpdate();
    }

    private static ActivityEntity row(RealmModel realm, UserModel user, String kind, String clientId, String credentialId) {
        ActivityEntity row = new ActivityEntity();
        row.id = KeycloakModelUtils.generateId();
        row.realmId = realm.getId();
        row.userId = user.getId();
        row.createdAt = Time.currentTimeMillis();
        row.kind = kind;
        row.clientId = clientId;
        row.credentialId = credentialId;
        return row;
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}

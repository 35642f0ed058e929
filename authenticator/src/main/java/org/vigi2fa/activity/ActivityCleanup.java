package org.vigi2fa.activity;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * What keeps the activity table to what may be kept: a user's rows go with the user, a realm's with the realm (in the
 * transaction that removes them), and rows past each realm's retention go every day, on one node of a cluster at a
 * time (Keycloak's cluster-aware task runner).
 */
public final class ActivityCleanup implements ScheduledTask {

    static final String TASK_NAME = "vigi-2fa-activity-retention";
    static final long INTERVAL_MILLIS = 24 * 3_600_000L;
    private static final Logger LOG = Logger.getLogger(ActivityCleanup.class);

    static void start(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                SecurityActivity.deleteUser(removed.getKeycloakSession(), removed.getRealm().getId(), removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                SecurityActivity.deleteRealm(removed.getKeycloakSession(), removed.getRealm().getId());
            }
        });
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .schedule(new ClusterAwareScheduledTaskRunner(factory, new ActivityCleanup(), INTERVAL_MILLIS), INTERVAL_MILLIS, TASK_NAME));
    }

    /** Deletes every realm's rows older than its retention. */
    @Override
    public void run(KeycloakSession session) {
        int deleted = session.realms().getRealmsStream().mapToInt(realm -> SecurityActivity.deleteOlderThan(session, realm.getId(),
                Time.currentTimeMillis() - TwoFactorSettings.of(session, realm).activityRetentionDays() * 86_400_000L)).sum();
        LOG.debugf("Security activity: %d rows past retention deleted", deleted);
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}

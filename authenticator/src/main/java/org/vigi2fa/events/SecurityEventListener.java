package org.vigi2fa.events;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.AdminUserAction;
import org.vigi2fa.accountchange.AccountChanges;
import org.vigi2fa.activity.ActivityRecorder;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.metrics.MetricsIds;
import org.vigi2fa.metrics.VigiMetrics;
import org.vigi2fa.removal.AdminRemoval;
import org.vigi2fa.trust.TrustRevocation;

/**
 * The one listener of the product: reads a security event's realm and user once, in a VIGI realm only, and hands it
 * to each capability that acts on it (the lost-phone pause and mails, trusted devices, the help desk's reset, the
 * security activity). Runs in
 * the request that made the change, so what it does commits with it.
 */
final class SecurityEventListener implements EventListenerProvider {

    private final KeycloakSession session;

    SecurityEventListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT
                || event.getType() == EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT) {
            lockedOut(event);
            return;
        }
        if (event.getError() != null || event.getUserId() == null || event.getRealmId() == null
                || !AccountChanges.concerns(event) && !TrustRevocation.concerns(event) && !ActivityRecorder.concerns(event)) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null || !TwoFactorSettings.isEnabledIn(session, realm) ? null
                : session.users().getUserById(realm, event.getUserId());
        if (user != null) {
            AccountChanges.onUserEvent(session, realm, user, event);
            TrustRevocation.onUserEvent(session, realm, user, event);
            ActivityRecorder.onUserEvent(session, realm, user, event);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        AdminUserAction action = AdminUserAction.of(session, event);
        if (action != null) {
            AdminRemoval.onAdminAction(session, action);
            TrustRevocation.onAdminAction(session, action);
        }
    }

    /** Keycloak's brute-force protector locked a user: counted in a VIGI realm (its own transaction has committed the lock). */
    private void lockedOut(Event event) {
        RealmModel realm = event.getRealmId() == null ? null : session.realms().getRealm(event.getRealmId());
        if (realm != null && TwoFactorSettings.isEnabledIn(session, realm)) {
            VigiMetrics.lockedOut(realm.getName(), event.getType() == EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT
                    ? MetricsIds.LOCKOUT_PERMANENT : MetricsIds.LOCKOUT_TEMPORARY);
        }
    }

    @Override
    public void close() {
    }
}

package org.vigi2fa.enrol;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

/**
 * A per-user lock in Keycloak's single-use store (shared by every node) around storing a new authenticator, so two
 * enrolments finishing at once store one credential. Released when the request's transaction ends either way; the
 * lifetime only bounds a lock whose node died mid-request.
 */
final class EnrolmentLock {

    private static final long LIFETIME_SECONDS = 30;

    private EnrolmentLock() {
    }

    /** True for exactly one caller per user at a time. */
    static boolean acquire(KeycloakSession session, UserModel user) {
        SingleUseObjectProvider store = session.singleUseObjects();
        String key = EnrolIds.LOCK_KEY_PREFIX + user.getId();
        if (!store.putIfAbsent(key, LIFETIME_SECONDS)) {
            return false;
        }
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                store.remove(key);
            }

            @Override
            protected void rollbackImpl() {
                store.remove(key);
            }
        });
        return true;
    }
}

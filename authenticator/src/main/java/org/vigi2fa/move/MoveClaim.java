package org.vigi2fa.move;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * One new secret per old one: of two moves that proved themselves against the same secret (two tabs, two devices,
 * two nodes), the first to claim it in Keycloak's single-use store (shared by every node) replaces it; the other is
 * told the authenticator changed. The claim goes again when the replacing request rolls back, so a retry can win.
 */
final class MoveClaim {

    /** Longer than any authentication session in which the proof could still be used. */
    private static final long LIFETIME_SECONDS = 86_400;

    private MoveClaim() {
    }

    /** True for exactly one caller per proof value. */
    static boolean claim(KeycloakSession session, String proof) {
        SingleUseObjectProvider store = session.singleUseObjects();
        String key = MoveIds.CLAIM_KEY_PREFIX + proof;
        if (!store.putIfAbsent(key, LIFETIME_SECONDS)) {
            return false;
        }
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
            }

            @Override
            protected void rollbackImpl() {
                store.remove(key);
            }
        });
        return true;
    }
}

package org.vigi2fa.login;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One code check per user per second, across sessions and cluster nodes (Keycloak's single-use object store).
 * Keycloak records brute-force failures asynchronously; parallel failures of one user overwrite each other,
 * so a burst of parallel guesses used to count as one failure and end unlocked (BruteForceIT). Spacing the
 * checks keeps the realm's lockout policy exact; no human types two codes within a second.
 * (Expiry is Infinispan's; with the test clock moved by env.moveClock the gate opens early, so bursts are tested unmoved.)
 */
final class CodeAttemptGate {

    static final long SPACING_SECONDS = 1;
    private static final String KEY_PREFIX = "vigi-2fa-code-check.";

    private CodeAttemptGate() {
    }

    /** True when this request may check a code now; false while another check of the same user is too recent. */
    static boolean tryEnter(KeycloakSession session, RealmModel realm, UserModel user) {
        return session.singleUseObjects().putIfAbsent(KEY_PREFIX + realm.getId() + "." + user.getId(), SPACING_SECONDS);
    }
}

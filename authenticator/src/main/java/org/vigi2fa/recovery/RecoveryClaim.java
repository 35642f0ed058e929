package org.vigi2fa.recovery;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The claim of one recovery code in the single-use store (shared by every node), tied to the request's transaction:
 * enlisted to run after completion, it keeps the claim when the strike from the list commits and removes it when the
 * request rolls back or its commit fails, so claim and strike hold or fail together. The claim comes first: of
 * simultaneous submits of one code only the claimer strikes it.
 */
final class RecoveryClaim extends AbstractKeycloakTransaction {

    private final KeycloakSessionFactory factory;
    private final String key;

    private RecoveryClaim(KeycloakSessionFactory factory, String key) {
        this.factory = factory;
        this.key = key;
    }

    /** Claims code {@code number} of the set for this request; false when another request holds or spent it. */
    static boolean claim(KeycloakSession session, String setId, int number) {
        String key = RecoveryIds.CLAIM_KEY_PREFIX + setId + "." + number;
        if (!session.singleUseObjects().putIfAbsent(key, RecoveryIds.CLAIM_SECONDS)) {
            return false;
        }
        // after completion: Keycloak rolls these back when the main commit fails, not only on a rollback
        session.getTransactionManager().enlistAfterCompletion(new RecoveryClaim(session.getKeycloakSessionFactory(), key));
        return true;
    }

    /** The strike committed: the claim stays, for requests that still read the old list. */
    @Override
    protected void commitImpl() {
    }

    /** The strike is undone: so is the claim, in a session of its own (this request's is ending). */
    @Override
    protected void rollbackImpl() {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.singleUseObjects().remove(key));
    }
}

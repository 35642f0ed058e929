package org.vigi2fa.guard;

import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.BruteForceProtector;
import org.vigi2fa.compat.BruteForceCalls;

/**
 * What every VIGI page that re-checks a user shares with Keycloak's login form: the brute-force lock, counting a
 * failure, and the password check. One place, so the enrol, turn-off and lost-phone pages cannot drift apart.
 */
public final class Reauthentication {

    /** Longer input is never hashed: it is simply a wrong password. */
    public static final int MAX_PASSWORD_LENGTH = 4096;

    private Reauthentication() {
    }

    /** Whether brute-force protection holds the user (temporarily or permanently) right now. */
    public static boolean isLocked(KeycloakSession session, RealmModel realm, UserModel user) {
        BruteForceProtector protector = protector(session, realm);
        // Keycloak's own question, as its login forms ask it (permanent lockout, then temporary).
        return protector != null && AuthenticatorUtils.getDisabledByBruteForceEventError(protector, session, realm, user) != null;
    }

    /**
     * Whether failures hold the user, leaving out Keycloak's answer to concurrent requests: during a login its default
     * (blocking) protector also calls a user "temporarily disabled" while another request of that user runs on this
     * node. Asked in a session of its own, which has no authentication session and so no such block; for a step whose
     * concurrency an atomic claim of its own already bounds (the lost-phone cooldown), where a double-click must not
     * refuse the one request that goes on.
     */
    public static boolean isLockedByFailures(KeycloakSession session, RealmModel realm, UserModel user) {
        String realmId = realm.getId();
        String userId = user.getId();
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> {
            RealmModel ownRealm = own.realms().getRealm(realmId);
            if (ownRealm == null) {
                return false;
            }
            own.getContext().setRealm(ownRealm);
            UserModel ownUser = own.users().getUserById(ownRealm, userId);
            return ownUser != null && isLocked(own, ownRealm, ownUser);
        });
    }

    /** Counts one failed attempt of the given credential category (password, otp) toward the lockout. */
    public static void countFailure(KeycloakSession session, RealmModel realm, UserModel user, String category) {
        BruteForceProtector protector = protector(session, realm);
        if (protector != null) {
            BruteForceCalls.failedLogin(protector, realm, user, session.getContext().getConnection(), session.getContext().getUri(), category);
        }
    }

    /** Resets the failure count, as a successful login does. */
    public static void countSuccess(KeycloakSession session, RealmModel realm, UserModel user, String category) {
        BruteForceProtector protector = protector(session, realm);
        if (protector != null) {
            BruteForceCalls.successfulLogin(protector, realm, user, session.getContext().getConnection(), session.getContext().getUri(), category);
        }
    }

    /** The user's password check; null, empty and over-long input are wrong without hashing. */
    public static boolean passwordMatches(UserModel user, String password) {
        return password != null && !password.isEmpty() && password.length() <= MAX_PASSWORD_LENGTH
                && user.credentialManager().isValid(UserCredentialModel.password(password));
    }

    private static BruteForceProtector protector(KeycloakSession session, RealmModel realm) {
        return realm.isBruteForceProtected() ? session.getProvider(BruteForceProtector.class) : null;
    }
}

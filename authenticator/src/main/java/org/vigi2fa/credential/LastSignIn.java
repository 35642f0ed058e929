package org.vigi2fa.credential;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ReadOnlyException;

/**
 * When and to which application the authenticator last signed the user in; Keycloak records no last use of a
 * credential. Kept as one user attribute, written by the code step at most once an hour per application: the credential row (which holds
 * the secret) is never rewritten at sign-in, and a value naming an older credential (2FA turned off and on again) is
 * simply ignored, so turning 2FA off needs no clean-up here.
 */
public final class LastSignIn {

    /** How old the recorded use may get before a sign-in by the same application records it again. */
    static final long PRECISION_SECONDS = 3600;

    private static final Logger LOG = Logger.getLogger(LastSignIn.class);

    /** One recorded use: Keycloak's time in seconds and the client's id. */
    public record Use(long epochSeconds, String clientId) {
    }

    private LastSignIn() {
    }

    /**
     * Records a successful code for this credential and client now (one attribute write); never fails the sign-in.
     * Within {@value #PRECISION_SECONDS} s of the recorded use by the same application nothing is written: every user
     * write also drops the user from Keycloak's cache (the rest of the request and the next ones read the database
     * again), and a value an hour old at most is what the account console shows ("last sign-in").
     */
    public static void record(UserModel user, String credentialId, ClientModel client) {
        String clientId = client == null ? "" : client.getClientId();
        long now = Time.currentTime();
        Optional<Use> last = of(user, credentialId);
        if (last.isPresent() && last.get().clientId().equals(clientId)
                && now >= last.get().epochSeconds() && now - last.get().epochSeconds() < PRECISION_SECONDS) {
            return;
        }
        try {
            user.setSingleAttribute(CredentialIds.USER_ATTR_LAST_SIGN_IN, credentialId + " " + now + " " + clientId);
        } catch (ReadOnlyException e) {
            // a user of a read-only federation provider without local attributes: nothing to show, sign-in goes on
            LOG.debugf("Last sign-in of user %s not recorded: %s", user.getId(), e.getMessage());
        }
    }

    /** The last recorded use of this credential, if it signed the user in since it was turned on. */
    public static Optional<Use> of(UserModel user, String credentialId) {
        String value = user.getFirstAttribute(CredentialIds.USER_ATTR_LAST_SIGN_IN);
        if (value == null || credentialId == null) {
            return Optional.empty();
        }
        String[] parts = value.split(" ", 3);
        if (parts.length < 3 || !parts[0].equals(credentialId) || !parts[1].matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        return Optional.of(new Use(Long.parseLong(parts[1]), parts[2]));
    }
}

package org.vigi2fa;

import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * One browser's submit of a change, acted on once however often it arrives (a double-click, back and submit again, a
 * reload of an answer the browser dropped): while one submit is at work its twins wait for it, and once it committed
 * they end the same way ("done") instead of with an error. Kept in the single-use store (shared by every node): an
 * in-flight mark set at once, a done mark set once the change committed. The step after the commit uses only the store
 * it took during the request and its direct (not transactional) operations: the request's session may be gone by then
 * (a dropped connection).
 */
public final class OncePerBrowser {

    private static final Logger LOG = Logger.getLogger(OncePerBrowser.class);
    private static final String IN_FLIGHT = ".busy";
    private static final String DONE = ".done";
    /** Bounds an in-flight mark whose node died mid-request. */
    private static final long IN_FLIGHT_SECONDS = 30;
    /** How long a twin waits for the submit at work; a submit takes well under a second. */
    private static final long WAIT_MILLIS = 10_000;
    private static final long POLL_MILLIS = 25;

    /** Null when the browser cannot be told (a form without its id): then nothing is marked and nothing is "done". */
    private final String key;
    private final long keepSeconds;

    private OncePerBrowser(String key, long keepSeconds) {
        this.key = key;
        this.keepSeconds = keepSeconds;
    }

    /** The submit of {@code what} (e.g. a link's key) from the browser told by {@code browser}, which may be null. */
    public static OncePerBrowser of(String prefix, String what, String browser, long keepSeconds) {
        return new OncePerBrowser(browser == null ? null : prefix + what + "." + browser, keepSeconds);
    }

    /**
     * The submit of {@code what} from the page of this authentication session: the browser's cookie (its root session)
     * and the tab, which a new start of the same action (2FA off, on again, off again) does not share.
     */
    public static OncePerBrowser of(String prefix, String what, AuthenticationSessionModel authSession, long keepSeconds) {
        return of(prefix, what, authSession.getParentSession().getId() + "." + authSession.getTabId(), keepSeconds);
    }

    /** Whether this browser's submit already committed; waits first while a twin of it is still at work. */
    public boolean done(KeycloakSession session) {
        if (key == null) {
            return false;
        }
        SingleUseObjectProvider store = session.singleUseObjects();
        if (session.getAttribute(key + IN_FLIGHT) != null) {
            // this very request is the submit at work: nothing of it is committed yet, and it must not wait for itself
            return false;
        }
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (store.contains(key + IN_FLIGHT) && !store.contains(key + DONE) && System.currentTimeMillis() < deadline) {
            pause();
        }
        return store.contains(key + DONE);
    }

    /**
     * Null when this browser's submit already committed (after waiting for a twin at work); else this submit's work,
     * marked in flight until the request's transaction ends. A twin that failed leaves no done mark: this one then
     * goes ahead like any submit (and so does one that waited longer than a submit takes, unmarked).
     */
    public Work begin(KeycloakSession session) {
        Work work = new Work();
        if (key == null) {
            return work;
        }
        SingleUseObjectProvider store = session.singleUseObjects();
        if (store.contains(key + DONE)) {
            return null;
        }
        // Waits by retrying the atomic claim, not by reading: in a cluster the claim is decided by the key's owner
        // node, and this node's own copy of a twin's fresh mark may lag behind it for a moment.
        boolean owned = store.putIfAbsent(key + IN_FLIGHT, IN_FLIGHT_SECONDS);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!owned && !store.contains(key + DONE) && System.currentTimeMillis() < deadline) {
            pause();
            owned = store.putIfAbsent(key + IN_FLIGHT, IN_FLIGHT_SECONDS);
        }
        // The twin's done mark is written before its in-flight mark goes, so a claim won after it finds the done mark.
        if (store.contains(key + DONE)) {
            if (owned) {
                store.remove(key + IN_FLIGHT);
            }
            return null;
        }
        session.setAttribute(key + IN_FLIGHT, Boolean.TRUE);
        session.getTransactionManager().enlistAfterCompletion(new Settle(store, work, owned));
        return work;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The submit at work: {@link #succeeded()} once the change is made, so its commit leaves the done mark. */
    public static final class Work {
        private volatile boolean succeeded;

        public void succeeded() {
            succeeded = true;
        }
    }

    /** After the request's transaction: the done mark (commit of a change) before the in-flight mark goes. */
    private final class Settle extends AbstractKeycloakTransaction {
        private final SingleUseObjectProvider store;
        private final Work work;
        private final boolean owned;

        Settle(SingleUseObjectProvider store, Work work, boolean owned) {
            this.store = store;
            this.work = work;
            this.owned = owned;
        }

        @Override
        protected void commitImpl() {
            settle(work.succeeded);
        }

        @Override
        protected void rollbackImpl() {
            settle(false);
        }

        private void settle(boolean committed) {
            try {
                if (committed) {
                    store.putIfAbsent(key + DONE, keepSeconds);
                }
                if (owned) {
                    store.remove(key + IN_FLIGHT);
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not record the outcome of %s", key);
            }
        }
    }
}

package org.vigi2fa.testing;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.keycloak.admin.client.Keycloak;
import org.opentest4j.TestAbortedException;

/**
 * The calls to the test-support provider on every node (testing/provider): wait until the mail queue is empty, move
 * the server clock. A server without that provider (a remote one) has neither.
 */
final class TestProviderCalls {

    private final boolean installed;

    TestProviderCalls(boolean installed) {
        this.installed = installed;
    }

    boolean installed() {
        return installed;
    }

    /** Returns once every node has sent (or failed) the mails it queued; without the provider it waits a moment. */
    void awaitQueuedMails(List<String> nodes) {
        if (!installed) {
            Pause.millis(500);
            return;
        }
        for (String node : nodes) {
            int status;
            try {
                status = send(HttpRequest.newBuilder(URI.create(node + "/realms/" + VigiEnvironment.REALM + "/vigi-test-mail/idle")).GET().build());
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof ConnectException) {
                    continue; // a node a cluster test stopped (ClusterNodeLossIT) sends nothing more
                }
                throw e;
            }
            if (status != 204) {
                throw new IllegalStateException("The mail queue on " + node + " did not empty: HTTP " + status);
            }
        }
    }

    /**
     * Moves Keycloak's clock by the given seconds from real time (0 restores it) on every node. The admin client then
     * signs in again: a token or session of the old clock is expired (forward) or "issued before the session started"
     * (back, after a sign-in made while the clock was ahead), and would fail the next admin call with a 401.
     */
    void moveClock(List<String> nodes, int offsetSeconds, Keycloak admin) {
        if (!installed) {
            if (offsetSeconds == 0) {
                return; // nothing was moved
            }
            // JUnit reports an aborted test as skipped, with this reason
            throw new TestAbortedException("moves Keycloak's clock: needs the test-support provider, "
                    + "which a remote server (-Dvigi.server=remote) does not have");
        }
        for (String node : nodes) {
            int status = send(HttpRequest.newBuilder(URI.create(node + "/realms/" + VigiEnvironment.REALM + "/vigi-test-clock/offset/" + offsetSeconds))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build());
            if (status != 204) {
                throw new IllegalStateException("Moving the clock on " + node + " failed: HTTP " + status);
            }
        }
        admin.tokenManager().grantToken();
    }

    /** Sends a request to a test-support endpoint; its status. */
    private static int send(HttpRequest request) {
        return Blocking.call(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    }
}

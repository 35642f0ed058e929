package org.vigi2fa.testing.provider;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.vigi2fa.StatelessFactory;
import org.vigi2fa.notify.NotifyIds;

/**
 * Test-only server endpoint that answers once every security mail handed to the mail executor has been sent (or has
 * failed), so a test reads the inbox after the mails its last request caused, without guessing a delay. Keycloak
 * commits, and so queues the mail, before it writes the response. Packaged in the -testsupport JAR only.
 * GET /realms/{any}/vigi-test-mail/idle: 204 when idle, 503 after 30 s still busy.
 */
public final class TestMailQueueProviderFactory implements RealmResourceProviderFactory, StatelessFactory<RealmResourceProvider> {

    private static final long TIMEOUT_MILLIS = 30_000;
    private static final long POLL_MILLIS = 10;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(NotifyIds.MAIL_EXECUTOR);
        return new Resource((ThreadPoolExecutor) executor);
    }

    /** The endpoint, over the executor Keycloak made for the mails (a plain thread pool outside an application server). */
    public static final class Resource implements RealmResourceProvider {
        private final ThreadPoolExecutor executor;

        Resource(ThreadPoolExecutor executor) {
            this.executor = executor;
        }

        @Override
        public Object getResource() {
            return this;
        }

        @GET
        @Path("idle")
        public Response idle() throws InterruptedException {
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            // Idle twice in a row: a worker that has just taken a task from the queue is counted active a moment later.
            int idleChecks = 0;
            while (idleChecks < 2) {
                if (System.currentTimeMillis() > deadline) {
                    return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
                }
                idleChecks = executor.getQueue().isEmpty() && executor.getActiveCount() == 0 ? idleChecks + 1 : 0;
                Thread.sleep(POLL_MILLIS);
            }
            return Response.noContent().build();
        }

        @Override
        public void close() {
        }
    }

    @Override
    public String getId() {
        return "vigi-test-mail";
    }
}

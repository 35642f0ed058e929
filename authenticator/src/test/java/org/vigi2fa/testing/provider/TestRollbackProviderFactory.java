package org.vigi2fa.testing.provider;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.vigi2fa.StatelessFactory;

/**
 * Test-only server endpoint that arms a forced rollback: the next successful sign-in of the user (its LOGIN event,
 * seen by {@link TestRollbackListenerFactory}) marks the request's transaction rollback-only, as a failure after the
 * credential check would. Tests use it to show what a half-done sign-in leaves behind. Packaged in the -testsupport
 * JAR only. PUT /realms/{any}/vigi-test-rollback/next-login/{userId}: 204.
 */
public final class TestRollbackProviderFactory implements RealmResourceProviderFactory, StatelessFactory<RealmResourceProvider>,
        RealmResourceProvider {

    /** Users whose next sign-in rolls back; each entry is used once. */
    static final Set<String> ARMED = ConcurrentHashMap.newKeySet();

    @PUT
    @Path("next-login/{userId}")
    public Response arm(@PathParam("userId") String userId) {
        ARMED.add(userId);
        return Response.noContent().build();
    }

    @Override
    public Object getResource() {
        return this;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return "vigi-test-rollback";
    }
}

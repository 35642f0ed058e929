package org.vigi2fa.testing.provider;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.vigi2fa.StatelessFactory;
import org.vigi2fa.activity.Activity;
import org.vigi2fa.activity.ActivityCleanup;
import org.vigi2fa.activity.SecurityActivity;

/**
 * Test-only server endpoint over the security-activity table: a user's rows as the store reads them (newest first),
 * and the retention task run now instead of at its daily time. Packaged in the -testsupport JAR only.
 * GET /realms/{realm}/vigi-test-activity/users/{userId}; POST /realms/{realm}/vigi-test-activity/retention
 */
public final class TestActivityProviderFactory implements RealmResourceProviderFactory, StatelessFactory<RealmResourceProvider> {

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new Resource(session);
    }

    @Override
    public String getId() {
        return "vigi-test-activity";
    }

    /** The endpoint, per request. */
    public static final class Resource extends SessionResource {

        Resource(KeycloakSession session) {
            super(session);
        }

        @GET
        @Path("users/{userId}")
        @Produces(MediaType.APPLICATION_JSON)
        public List<Activity> rows(@PathParam("userId") String userId) {
            // by id alone: the rows of a removed user must be gone with it
            return SecurityActivity.recent(session, session.getContext().getRealm(), userId, 0, 0, 1000);
        }

        @POST
        @Path("retention")
        public Response retention() {
            new ActivityCleanup().run(session);
            return Response.noContent().build();
        }
    }
}

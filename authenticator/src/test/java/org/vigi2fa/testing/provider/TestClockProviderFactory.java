package org.vigi2fa.testing.provider;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Test-only server endpoint that moves Keycloak's clock (Time offset), so tests never sleep through
 * TOTP periods, lockout waits or link lifetimes. Packaged in the -testsupport JAR, never in the product.
 * PUT /realms/{any}/vigi-test-clock/offset/{seconds}
 */
public final class TestClockProviderFactory implements RealmResourceProviderFactory, RealmResourceProvider {

    @Override
    public Object getResource() {
        return this;
    }

    @PUT
    @Path("offset/{seconds}")
    public Response setOffset(@PathParam("seconds") int seconds) {
        Time.setOffset(seconds);
        return Response.noContent().build();
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return "vigi-test-clock";
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}

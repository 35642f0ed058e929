package org.vigi2fa.testing.provider;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** A test-support endpoint that lives for one request and reads through that request's session. */
abstract class SessionResource implements RealmResourceProvider {

    protected final KeycloakSession session;

    SessionResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public final Object getResource() {
        return this;
    }

    @Override
    public void close() {
    }
}

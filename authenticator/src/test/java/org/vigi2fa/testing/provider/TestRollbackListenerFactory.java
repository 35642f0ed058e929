package org.vigi2fa.testing.provider;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.vigi2fa.GlobalListenerFactory;

/**
 * Test-only global listener behind {@link TestRollbackProviderFactory}: on the LOGIN event of an armed user it marks
 * the request's transaction rollback-only, so everything the sign-in wrote is undone after the credential was checked.
 */
public final class TestRollbackListenerFactory implements GlobalListenerFactory {

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new Listener(session);
    }

    @Override
    public String getId() {
        return "vigi-test-rollback";
    }

    /** The per-request listener. */
    private record Listener(KeycloakSession session) implements EventListenerProvider {

        @Override
        public void onEvent(Event event) {
            if (event.getType() == EventType.LOGIN && TestRollbackProviderFactory.ARMED.remove(event.getUserId())) {
                session.getTransactionManager().setRollbackOnly();
            }
        }

        @Override
        public void onEvent(AdminEvent event, boolean includeRepresentation) {
        }

        @Override
        public void close() {
        }
    }
}

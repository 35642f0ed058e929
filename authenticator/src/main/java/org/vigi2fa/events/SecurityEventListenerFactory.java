package org.vigi2fa.events;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.vigi2fa.GlobalListenerFactory;

/** Registers {@link SecurityEventListener} as a global listener: no realm wiring, it acts only in VIGI realms. */
public final class SecurityEventListenerFactory implements GlobalListenerFactory {

    public static final String PROVIDER_ID = "vigi-2fa-security-events";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new SecurityEventListener(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}

package org.vigi2fa.removal;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.vigi2fa.GlobalListenerFactory;

/** Registers {@link AdminRemovalListener} as a global listener: no realm wiring, it acts only in VIGI realms. */
public final class AdminRemovalListenerFactory implements GlobalListenerFactory {

    public static final String PROVIDER_ID = "vigi-2fa-admin-removal";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AdminRemovalListener(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}

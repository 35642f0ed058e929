package org.vigi2fa.trust;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.vigi2fa.GlobalListenerFactory;

/** Registers {@link TrustRevocationListener} as a global listener: no realm wiring, it acts only in VIGI realms. */
public final class TrustRevocationListenerFactory implements GlobalListenerFactory {

    public static final String PROVIDER_ID = "vigi-2fa-trusted-devices";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new TrustRevocationListener(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}

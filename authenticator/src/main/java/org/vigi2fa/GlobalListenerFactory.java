package org.vigi2fa;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;

/**
 * A VIGI event listener that needs no realm wiring: Keycloak calls global listeners for every realm, and each VIGI
 * listener itself acts only in realms that use the VIGI code step.
 */
public interface GlobalListenerFactory extends EventListenerProviderFactory, StatelessFactory<EventListenerProvider> {

    @Override
    default boolean isGlobal() {
        return true;
    }
}

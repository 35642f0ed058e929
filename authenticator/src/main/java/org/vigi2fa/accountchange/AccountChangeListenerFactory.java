package org.vigi2fa.accountchange;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.vigi2fa.GlobalListenerFactory;

/** Registers {@link AccountChangeListener} as a global listener: it needs no realm wiring and acts only in VIGI realms. */
public final class AccountChangeListenerFactory implements GlobalListenerFactory {

    public static final String PROVIDER_ID = "vigi-2fa-account-changes";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AccountChangeListener(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}

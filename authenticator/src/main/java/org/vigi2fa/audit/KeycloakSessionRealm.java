package org.vigi2fa.audit;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Runs a piece of work with the session's context set to a realm (APIs such as identity providers read it there). */
final class KeycloakSessionRealm {

    private KeycloakSessionRealm() {
    }

    static void run(KeycloakSession session, RealmModel realm, Runnable work) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            work.run();
        } finally {
            session.getContext().setRealm(previous);
        }
    }
}

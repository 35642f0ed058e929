package org.vigi2fa.trust;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.vigi2fa.RealmCookie;

/** The trusted-device cookie, value "credentialId.secret" (a {@link RealmCookie}). */
final class TrustCookie {

    /** The two halves of a cookie value that looks well-formed. */
    record Value(String credentialId, String secret) {
    }

    private static final char SEPARATOR = '.';

    private TrustCookie() {
    }

    static void set(KeycloakSession session, RealmModel realm, String credentialId, String secret, int maxAgeSeconds) {
        RealmCookie.write(session, realm, TrustIds.COOKIE, credentialId + SEPARATOR + secret, maxAgeSeconds);
    }

    /** The cookie of this request, or null when there is none or it is malformed. */
    static Value read(KeycloakSession session) {
        String value = RealmCookie.read(session, TrustIds.COOKIE);
        int at = value == null ? -1 : value.indexOf(SEPARATOR);
        if (at <= 0 || at == value.length() - 1) {
            return null;
        }
        return new Value(value.substring(0, at), value.substring(at + 1));
    }
}

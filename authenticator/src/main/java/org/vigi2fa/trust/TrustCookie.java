package org.vigi2fa.trust;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.RealmsResource;
import org.keycloak.utils.SecureContextResolver;

/**
 * The trusted-device cookie, value "credentialId.secret". Keycloak's CookieProvider only sets its own CookieType
 * constants (the builder is private, on 26.4 and 26.7 alike), so this builds the NewCookie the way its
 * DefaultCookieProvider does: Secure in a secure context (https, or localhost, as browsers treat it), path the realm's
 * (/realms/name/), set through the response once. HttpOnly: no script ever needs it. SameSite=Strict: the cookie is
 * only read on the password form's POST, which comes from Keycloak's own page (same site), so it never has to travel
 * with a request another site starts.
 */
final class TrustCookie {

    /** The two halves of a cookie value that looks well-formed. */
    record Value(String credentialId, String secret) {
    }

    private static final char SEPARATOR = '.';

    private TrustCookie() {
    }

    static void set(KeycloakSession session, RealmModel realm, String credentialId, String secret, int maxAgeSeconds) {
        write(session, realm, credentialId + SEPARATOR + secret, maxAgeSeconds);
    }

    /** The cookie of this request, or null when there is none or it is malformed. */
    static Value read(KeycloakSession session) {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(TrustIds.COOKIE);
        String value = cookie == null ? null : cookie.getValue();
        int at = value == null ? -1 : value.indexOf(SEPARATOR);
        if (at <= 0 || at == value.length() - 1 || value.length() > 200) {
            return null;
        }
        return new Value(value.substring(0, at), value.substring(at + 1));
    }

    private static void write(KeycloakSession session, RealmModel realm, String value, int maxAgeSeconds) {
        String path = RealmsResource.realmBaseUrl(session.getContext().getUri()).path("/").build(realm.getName()).getRawPath();
        NewCookie cookie = new NewCookie.Builder(TrustIds.COOKIE).version(1).value(value).path(path).maxAge(maxAgeSeconds)
                .secure(SecureContextResolver.isSecureContext(session)).httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .build();
        session.getContext().getHttpResponse().setCookieIfAbsent(cookie);
    }
}

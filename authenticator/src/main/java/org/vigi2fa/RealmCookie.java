package org.vigi2fa;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.RealmsResource;
import org.keycloak.utils.SecureContextResolver;

/**
 * A cookie of the product's own (the trusted device, the device id). Keycloak's CookieProvider only sets its own
 * CookieType constants (the builder is private, on 26.4 and 26.7 alike), so this builds the NewCookie the way its
 * DefaultCookieProvider does: Secure in a secure context (https, or localhost, as browsers treat it), path the realm's
 * (/realms/name/), set through the response once. HttpOnly: no script ever needs it. SameSite=Strict: it is only read
 * on the sign-in pages' own POSTs (same site), so it never has to travel with a request another site starts.
 */
public final class RealmCookie {

    /** Longer values are never ours: ignored. */
    private static final int MAX_VALUE_LENGTH = 200;

    private RealmCookie() {
    }

    public static void write(KeycloakSession session, RealmModel realm, String name, String value, int maxAgeSeconds) {
        String path = RealmsResource.realmBaseUrl(session.getContext().getUri()).path("/").build(realm.getName()).getRawPath();
        NewCookie cookie = new NewCookie.Builder(name).version(1).value(value).path(path).maxAge(maxAgeSeconds)
                .secure(SecureContextResolver.isSecureContext(session)).httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .build();
        session.getContext().getHttpResponse().setCookieIfAbsent(cookie);
    }

    /** The value this request carries, or null when there is none or it is too long to be ours. */
    public static String read(KeycloakSession session, String name) {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(name);
        String value = cookie == null ? null : cookie.getValue();
        return value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH ? null : value;
    }
}

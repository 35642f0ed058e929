package org.vigi2fa.activity;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.vigi2fa.RealmCookie;

/**
 * This browser's device id: a random id in a long-lived cookie of the product's own, set the first time the browser
 * does something the activity records. It names a device, it proves nothing: it never stands in for a factor.
 */
final class DeviceCookie {

    /** A device id is a UUID (36 characters); anything else in the cookie is not one of ours. */
    private static final String ID_PATTERN = "[0-9a-f-]{36}";

    private DeviceCookie() {
    }

    /** The id the browser sent, or null (no cookie yet, or not an id). */
    static String sent(KeycloakSession session) {
        String value = RealmCookie.read(session, ActivityIds.DEVICE_COOKIE);
        return value != null && value.matches(ID_PATTERN) ? value : null;
    }

    /** The id the browser sent, or a new one, set on the response. */
    static String idOrNew(KeycloakSession session, RealmModel realm) {
        String id = sent(session);
        if (id == null) {
            id = KeycloakModelUtils.generateId();
            RealmCookie.write(session, realm, ActivityIds.DEVICE_COOKIE, id, ActivityIds.DEVICE_COOKIE_SECONDS);
        }
        return id;
    }
}

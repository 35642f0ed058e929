package org.vigi2fa;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * A moment as the server can show it: in the person's language and in UTC, with the zone named, because the server
 * does not know the browser's time zone (a page may re-render it in the browser's zone; a mail cannot).
 */
public final class ShownTime {

    private ShownTime() {
    }

    /** "12 Mar 2025, 14:05 UTC" in the locale's own order and words. */
    public static String utc(long epochMillis, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(epochMillis)) + " UTC";
    }

    /** The language Keycloak picks for this user in this request, English when none. */
    public static Locale localeOf(KeycloakSession session, UserModel user) {
        Locale locale = session.getContext().resolveLocale(user);
        return locale == null ? Locale.ENGLISH : locale;
    }
}

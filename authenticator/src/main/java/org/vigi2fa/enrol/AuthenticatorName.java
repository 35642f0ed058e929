package org.vigi2fa.enrol;

/**
 * The optional name the scan step offers for the new authenticator ("Pixel 8"), stored as the credential's userLabel
 * as Keycloak's own set-up form does. The page escapes it on output (FreeMarker's HTML output format) and the account
 * console renders it as text, so only the length and blank input need handling here.
 */
public final class AuthenticatorName {

    /** Keycloak's CREDENTIAL.USER_LABEL column holds 255 characters; a longer name is cut, never a database error. */
    public static final int MAX_LENGTH = 255;

    private AuthenticatorName() {
    }

    /** The name to store: one line, trimmed, at most MAX_LENGTH characters; null (the default label) when blank. */
    public static String of(String typed) {
        if (typed == null) {
            return null;
        }
        // control characters and every kind of space (no-break, ideographic) count as plain spaces
        String name = typed.replaceAll("[\\p{Cntrl}\\p{Z}]", " ").strip();
        if (name.length() > MAX_LENGTH) {
            // never cut between the two halves of a character outside the BMP (an emoji, say)
            int end = Character.isHighSurrogate(name.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            name = name.substring(0, end).strip();
        }
        return name.isEmpty() ? null : name;
    }
}

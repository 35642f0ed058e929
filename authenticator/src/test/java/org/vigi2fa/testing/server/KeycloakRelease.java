package org.vigi2fa.testing.server;

import org.vigi2fa.compat.SupportedKeycloak;

/**
 * The release line of the Keycloak under test (from its server info), for the few answers Keycloak itself changed
 * between the supported lines. Each is listed in docs/compatibility.md; a test asserts the exact answer of the
 * release it runs on, never "either".
 */
public record KeycloakRelease(int major, int minor) {

    /** The line of a version string such as "26.4.7". */
    public static KeycloakRelease of(String version) {
        SupportedKeycloak.Line line = SupportedKeycloak.lineOf(version);
        if (line == null) {
            throw new IllegalArgumentException("Not a Keycloak version: " + version);
        }
        return new KeycloakRelease(line.major(), line.minor());
    }

    public boolean atLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    /**
     * The HTTP status of Keycloak's own direct-grant code step (direct-grant-validate-otp) when it refuses a missing
     * or wrong code: 401 up to 26.5, 400 from 26.7 on (both with error invalid_grant and no token).
     */
    public int directGrantCodeRefusedStatus() {
        return atLeast(26, 7) ? 400 : 401;
    }
}

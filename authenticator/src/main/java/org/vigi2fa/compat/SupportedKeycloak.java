package org.vigi2fa.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.common.Version;

/**
 * The Keycloak releases this JAR is built and tested for, and the check at server start that says so in the log:
 * an INFO line on a supported release, a WARN naming the supported lines on any other (nothing fails silently).
 */
public final class SupportedKeycloak {

    /** The supported release lines (major.minor), oldest first; the JAR compiles against the oldest. */
    public static final String SUPPORTED_LINES = "26.4, 26.5, 26.7";

    /** The patch of each line the test matrix runs on (.ci/run, docs/compatibility.md). */
    public static final String TESTED_RELEASES = "26.4.7, 26.5.6, 26.7.3";

    private static final Logger LOG = Logger.getLogger(SupportedKeycloak.class);
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:[.-].*)?$");
    private static final Pattern LINE = Pattern.compile("^(\\d+)\\.(\\d+)$");

    private SupportedKeycloak() {
    }

    /** A release line, e.g. 26.4. */
    public record Line(int major, int minor) {
        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    /** Parses "26.4, 26.5, 26.7" into its lines; anything else in the list is a programming error. */
    public static List<Line> parseLines(String spec) {
        List<Line> lines = new ArrayList<>();
        for (String part : spec.split(",")) {
            Matcher m = LINE.matcher(part.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("Not a release line (major.minor): '" + part.trim() + "' in '" + spec + "'");
            }
            lines.add(new Line(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return List.copyOf(lines);
    }

    /**
     * The line of a Keycloak version string ("26.4.7", "26.5.0-SNAPSHOT", "26.7.3.redhat-00001"); null when the
     * string is not a version (Keycloak reports "UNKNOWN" when its version file is missing).
     */
    public static Line lineOf(String version) {
        if (version == null) {
            return null;
        }
        Matcher m = VERSION.matcher(version.trim());
        return m.matches() ? new Line(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }

    /** Whether a version belongs to one of the given lines. */
    public static boolean isSupported(String version, List<Line> lines) {
        Line line = lineOf(version);
        return line != null && lines.contains(line);
    }

    /**
     * The sentence the server log gets for this VIGI 2FA release on this Keycloak version, e.g. "VIGI 2FA 1.0.0 on
     * Keycloak 26.7.3, a supported release (...)"; {@link #isSupported} decides its level.
     */
    public static String describe(String ours, String version, List<Line> lines) {
        String start = "VIGI 2FA " + ours + " on Keycloak " + version;
        if (isSupported(version, lines)) {
            return start + ", a supported release (lines " + SUPPORTED_LINES + "; tested on " + TESTED_RELEASES + ")";
        }
        return start + ": Keycloak " + version + " is NOT a supported release. This JAR is built for Keycloak "
                + SUPPORTED_LINES + " (tested on " + TESTED_RELEASES + "); on other releases sign-in with 2FA, "
                + "enrolment or the lost-phone link may fail. Use a supported Keycloak or a VIGI 2FA release made for yours.";
    }

    /** Which of the portable paths (docs/compatibility.md) this server takes; one log line. */
    public static String apiPaths() {
        return "VIGI 2FA: on this Keycloak, brute-force counting "
                + (BruteForceCalls.takesCategories() ? "passes credential categories (26.7 API)" : "has no categories (26.4/26.5 API)")
                + "; used action tokens are kept in the "
                + (UsedActionTokens.usesRevokedTokenStore() ? "revoked-token store (26.7)" : "single-use object store (26.4/26.5)");
    }

    /** Logs the check once at server start (from a provider factory's postInit), and the API paths taken. */
    public static void logAtStart() {
        List<Line> lines = parseLines(SUPPORTED_LINES);
        String version = Version.VERSION;
        String ours = ProviderVersion.current();
        if (isSupported(version, lines)) {
            LOG.info(describe(ours, version, lines));
        } else {
            LOG.warn(describe(ours, version, lines));
        }
        LOG.info(apiPaths());
    }
}

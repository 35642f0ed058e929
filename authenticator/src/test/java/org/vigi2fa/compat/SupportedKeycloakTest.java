package org.vigi2fa.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigi2fa.compat.SupportedKeycloak.Line;

/** The supported-release check: parsing the line list and Keycloak's version strings, and which side of it a release is. */
class SupportedKeycloakTest {

    private static final List<Line> SUPPORTED = SupportedKeycloak.parseLines(SupportedKeycloak.SUPPORTED_LINES);

    @Test
    void theSupportedLinesAre264And265And267() {
        assertEquals(List.of(new Line(26, 4), new Line(26, 5), new Line(26, 7)), SUPPORTED);
    }

    @Test
    void everyTestedReleaseIsInASupportedLine() {
        for (String release : SupportedKeycloak.TESTED_RELEASES.split(",")) {
            assertTrue(SupportedKeycloak.isSupported(release.trim(), SUPPORTED), release);
        }
    }

    @Test
    void lineListParsingToleratesSpacesAndRejectsAnythingElse() {
        assertEquals(List.of(new Line(26, 4), new Line(27, 10)), SupportedKeycloak.parseLines(" 26.4 ,27.10"));
        assertThrows(IllegalArgumentException.class, () -> SupportedKeycloak.parseLines("26.4, 26.5.1"));
        assertThrows(IllegalArgumentException.class, () -> SupportedKeycloak.parseLines("26.4,,26.7"));
        assertThrows(IllegalArgumentException.class, () -> SupportedKeycloak.parseLines("26"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"26.4.0", "26.4.7", "26.5.0", "26.5.6", "26.7.0", "26.7.3", "26.7.3-SNAPSHOT", "26.4.7.redhat-00001", "26.5"})
    void releasesOfTheSupportedLinesPass(String version) {
        assertTrue(SupportedKeycloak.isSupported(version, SUPPORTED), version);
        String line = SupportedKeycloak.describe("1.0.0", version, SUPPORTED);
        assertTrue(line.startsWith("VIGI 2FA 1.0.0 on Keycloak " + version + ", a supported release"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"26.3.5", "26.6.0", "26.8.0", "25.0.6", "27.0.0", "999.0.0-SNAPSHOT", "26.40.1", "2.6.4"})
    void releasesOutsideTheLinesAreNamedUnsupported(String version) {
        assertFalse(SupportedKeycloak.isSupported(version, SUPPORTED), version);
        String warning = SupportedKeycloak.describe("1.0.0", version, SUPPORTED);
        assertTrue(warning.startsWith("VIGI 2FA 1.0.0 on Keycloak " + version + ": "), warning);
        assertTrue(warning.contains("Keycloak " + version + " is NOT a supported release"), warning);
        assertTrue(warning.contains(SupportedKeycloak.SUPPORTED_LINES), warning);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNKNOWN", "", "v26.4.7", "26", "26.x.1", "latest"})
    void unreadableVersionsAreUnsupportedNotACrash(String version) {
        assertNull(SupportedKeycloak.lineOf(version));
        assertFalse(SupportedKeycloak.isSupported(version, SUPPORTED));
        assertFalse(SupportedKeycloak.isSupported(null, SUPPORTED));
    }

    @Test
    void lineOfReadsMajorAndMinor() {
        assertEquals(new Line(26, 4), SupportedKeycloak.lineOf("26.4.7"));
        assertEquals(new Line(26, 7), SupportedKeycloak.lineOf(" 26.7.3 "));
        assertEquals("26.5", SupportedKeycloak.lineOf("26.5.6").toString());
    }
}

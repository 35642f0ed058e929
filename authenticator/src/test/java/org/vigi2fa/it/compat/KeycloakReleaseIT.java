package org.vigi2fa.it.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.server.KeycloakRelease;
import org.vigi2fa.testing.server.KeycloakUnderTest;

/**
 * The matrix runs on the release it names; the JAR says at start which VIGI 2FA release it is (from its manifest),
 * whether that Keycloak release is supported and which API paths it takes.
 */
@VigiTest
class KeycloakReleaseIT {

    @Test
    void theServerIsTheReleaseThisRunNames(VigiEnvironment env) {
        Optional<String> expected = KeycloakUnderTest.expectedVersion();
        assumeTrue(expected.isPresent(), "a remote server is whatever release it is");
        assertEquals(expected.get(), env.admin().serverInfo().getInfo().getSystemInfo().getVersion());
    }

    @Test
    void theStartLogNamesOurReleaseAndTheKeycloakReleaseSupported(VigiEnvironment env) throws IOException {
        Optional<Path> log = env.serverLog();
        assumeTrue(log.isPresent(), "only a server this run started as a process has a log file here");
        String version = env.admin().serverInfo().getInfo().getSystemInfo().getVersion();
        List<String> lines = Files.readAllLines(log.get(), StandardCharsets.UTF_8);
        assertTrue(lines.stream().anyMatch(line -> line.contains("INFO")
                        && line.contains("VIGI 2FA " + System.getProperty("vigi.provider.version") + " on Keycloak " + version
                                + ", a supported release")),
                "no line naming VIGI 2FA " + System.getProperty("vigi.provider.version") + " and a supported release in " + log.get());
        assertFalse(lines.stream().anyMatch(line -> line.contains("is NOT a supported release")),
                "unsupported-release warning in " + log.get());
    }

    @Test
    void theJarTakesThePortablePathOfThisRelease(VigiEnvironment env) throws IOException {
        Optional<Path> log = KeycloakUnderTest.logFile();
        assumeTrue(log.isPresent(), "only a server this run started as a process has a log file here");
        boolean newApi = KeycloakRelease.of(env.admin().serverInfo().getInfo().getSystemInfo().getVersion()).atLeast(26, 7);
        String expected = newApi
                ? "brute-force counting passes credential categories (26.7 API); used action tokens are kept in the revoked-token store (26.7)"
                : "brute-force counting has no categories (26.4/26.5 API); used action tokens are kept in the single-use object store (26.4/26.5)";
        List<String> lines = Files.readAllLines(log.get(), StandardCharsets.UTF_8);
        assertTrue(lines.stream().anyMatch(line -> line.contains("VIGI 2FA: on this Keycloak, " + expected)),
                "expected \"" + expected + "\" in " + log.get());
    }
}

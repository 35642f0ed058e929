package org.vigi2fa.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * What ships: the one provider JAR (after `package`) and docker-compose.yml. Docker cannot run here, so the
 * compose file is checked statically: it parses, has the three services, and every path it mounts exists.
 */
class DeliveryIT {

    private static final Path PROJECT = Path.of(System.getProperty("vigi.project.dir", ".."));

    @Test
    void composeFileParsesAndMountsExistingPaths() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve("docker-compose.yml").toFile());
        JsonNode services = compose.get("services");
        assertTrue(services.has("keycloak") && services.has("postgres") && services.has("mail"), services.toString());
        assertEquals("quay.io/keycloak/keycloak:26.7.3", services.get("keycloak").get("image").asText());

        List<String> missing = new ArrayList<>();
        int mounts = 0;
        for (JsonNode service : services) {
            for (JsonNode volume : service.path("volumes")) {
                String source = withDefaults(volume.asText()).split(":")[0];
                if (source.startsWith(".")) {
                    mounts++;
                    if (!Files.exists(PROJECT.resolve(source).normalize())) {
                        missing.add(source);
                    }
                }
            }
        }
        assertEquals(4, mounts, "the folder for the JAR check, the JAR, themes and realm are mounted");
        assertTrue(missing.isEmpty(), "mounted paths that do not exist: " + missing);
    }

    @Test
    void composeRunsProductionModeWithAFixedHostnameAndRefusesPublishedSecrets() throws IOException {
        JsonNode keycloak = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve("docker-compose.yml").toFile())
                .get("services").get("keycloak");
        assertEquals("start", keycloak.get("command").get(0).asText(), "production mode, not start-dev");
        JsonNode env = keycloak.get("environment");
        assertTrue(env.has("KC_HOSTNAME"), "a fixed hostname: links never follow the request's Host header");
        assertEquals("postgres", env.get("KC_DB").asText());
        assertEquals("true", env.get("KC_METRICS_ENABLED").asText(), "the product's and Keycloak's metrics on the management port");
        for (String secret : List.of("VIGI_VMS_CLOUD_SECRET", "VIGI_VMS_LOCAL_SECRET", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
            // ${NAME:?message}: compose refuses to start while the operator has not set it
            assertTrue(env.get(secret).asText().startsWith("${" + secret + ":?"), secret + " = " + env.get(secret));
        }
    }

    @Test
    void composeMountsTheJarThisBuildMakesUnderItsVersionedName() throws IOException {
        String jar = Path.of(System.getProperty("vigi.provider.jar")).getFileName().toString();
        assertEquals("vigi-2fa-keycloak-" + System.getProperty("vigi.provider.version") + ".jar", jar);
        JsonNode volumes = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve("docker-compose.yml").toFile())
                .get("services").get("keycloak").get("volumes");
        String mount = withDefaults(volumes.get(0).asText());
        assertEquals("./authenticator/target/" + jar + ":/opt/keycloak/providers/" + jar + ":ro", mount);
    }

    @Test
    void composeStopsWithAClearMessageWhenTheJarWasNotBuilt() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve("docker-compose.yml").toFile()).get("services");
        JsonNode check = services.get("provider-jar");
        assertTrue(check.get("command").get(0).asText().contains("build the JAR first: mvn -B -DskipTests package"), check.toString());
        assertEquals("service_completed_successfully",
                services.get("keycloak").get("depends_on").get("provider-jar").get("condition").asText(),
                "Keycloak starts only once the check found the JAR");
        for (JsonNode service : services) {
            for (JsonNode port : service.path("ports")) {
                assertTrue(port.asText().startsWith("127.0.0.1:"), "published on loopback only: " + port);
            }
        }
    }

    @Test
    void theJarManifestNamesTheRelease() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("vigi.provider.jar"))) {
            java.util.jar.Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("VIGI 2FA", main.getValue("Implementation-Title"));
            assertEquals(System.getProperty("vigi.provider.version"), main.getValue("Implementation-Version"));
        }
    }

    /** A compose value with each ${NAME:-default} at its default, as compose reads it when NAME is not set. */
    private static String withDefaults(String value) {
        return value.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
    }

    @Test
    void providerJarIsSelfContainedAndBundlesNoServerLibraries() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("vigi.provider.jar"))) {
            Set<String> names = jar.stream().map(entry -> entry.getName()).collect(Collectors.toSet());
            assertTrue(names.contains("META-INF/keycloak-themes.json"));
            assertTrue(names.contains("theme/vigi/login/theme.properties"), "login theme packaged");
            assertTrue(names.contains("theme/vigi/email/theme.properties"), "email theme packaged");
            assertTrue(names.contains("theme-resources/templates/vigi-2fa-code.ftl"));
            assertTrue(names.contains("META-INF/services/org.keycloak.authentication.AuthenticatorFactory"));
            assertFalse(names.stream().anyMatch(n -> n.startsWith("org/keycloak/") || n.startsWith("com/google/zxing/")),
                    "Keycloak and zxing come from the server");
            assertFalse(names.stream().anyMatch(n -> n.startsWith("org/vigi2fa/testing/")), "test support stays out");
        }
    }
}

package org.vigi2fa.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The two-node compose file and the Containerfile it builds, checked statically (Docker cannot run here): two
 * Keycloak nodes on one database with one public hostname behind a round-robin balancer naming both.
 */
class ClusterComposeIT {

    private static final Path PROJECT = Path.of(System.getProperty("vigi.project.dir", ".."));

    @Test
    void twoNodesShareTheDatabaseAndTheHostnameBehindABalancerOfBoth() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve("compose.cluster.yml").toFile()).get("services");
        for (String name : new String[] {"postgres", "mail", "keycloak-a", "keycloak-b", "lb"}) {
            assertTrue(services.has(name), "service " + name);
        }
        JsonNode a = merged(services.get("keycloak-a"));
        JsonNode b = merged(services.get("keycloak-b"));
        JsonNode envA = merged(a.get("environment"));
        JsonNode envB = merged(b.get("environment"));
        for (String shared : new String[] {"KC_HOSTNAME", "KC_DB_URL", "KC_CACHE_STACK", "KC_PROXY_HEADERS"}) {
            assertTrue(envA.has(shared), "keycloak-a sets " + shared);
            assertEquals(envA.get(shared), envB.get(shared), shared + " is the same on both nodes");
        }
        assertEquals("jdbc-ping", envA.get("KC_CACHE_STACK").asText());
        assertFalse(envA.get("KC_SPI_CACHE_EMBEDDED_DEFAULT_NODE_NAME").equals(envB.get("KC_SPI_CACHE_EMBEDDED_DEFAULT_NODE_NAME")),
                "each node has a name of its own");
        assertTrue(a.get("command").toString().contains("--import-realm"), "the first node imports the realm");
        assertFalse(b.get("command").toString().contains("--import-realm"), "the second finds it in the database");
        assertEquals("Containerfile", a.get("build").get("dockerfile").asText());
        assertTrue(Files.isRegularFile(PROJECT.resolve("Containerfile")));
        assertFalse(a.has("ports") || b.has("ports"), "the nodes are reached only through the balancer");

        String balancer = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve("compose.cluster.yml").toFile())
                .get("configs").get("lb-config").get("content").asText();
        assertTrue(balancer.contains("server keycloak-a:8080;") && balancer.contains("server keycloak-b:8080;"), balancer);
        assertFalse(balancer.contains("ip_hash") || balancer.contains("sticky"), "no sticky sessions: both nodes answer any request");
    }

    @Test
    void theContainerfileBakesTheJarBuiltByPackageAndTheRealm() throws IOException {
        String containerfile = Files.readString(PROJECT.resolve("Containerfile"));
        assertTrue(containerfile.contains("FROM quay.io/keycloak/keycloak:26.7.3"), containerfile);
        assertTrue(containerfile.contains("COPY authenticator/target/vigi-2fa-keycloak.jar /opt/keycloak/providers/"));
        assertTrue(containerfile.contains("kc.sh build"), "built at image time, started with --optimized");
        assertTrue(containerfile.contains("KC_DB=postgres") && containerfile.contains("KC_CACHE=ispn"));
        assertTrue(Files.isRegularFile(PROJECT.resolve("realm-config/vigi-realm.json")));
        assertTrue(containerfile.contains("COPY realm-config/vigi-realm.json /opt/keycloak/data/import/"));
    }

    /** Resolves YAML merge keys ({@code <<: *anchor}), which the parser leaves as a field: own fields win. */
    private static JsonNode merged(JsonNode node) {
        if (node == null || !node.has("<<")) {
            return node;
        }
        ObjectNode result = ((ObjectNode) merged(node.get("<<"))).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!"<<".equals(field.getKey())) {
                result.set(field.getKey(), field.getValue());
            }
        }
        return result;
    }
}

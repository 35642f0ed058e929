package org.vigi2fa.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The two-node compose file and the Containerfile it builds, checked statically: two Keycloak nodes on one database
 * with one public hostname behind a round-robin balancer naming both. The container runs of .ci/matrix start it on
 * podman (.ci/containers/cluster) and ClusterDeploymentIT signs in through its balancer.
 */
class ClusterComposeIT {

    private static final Path PROJECT = Path.of(System.getProperty("vigi.project.dir", ".."));

    @Test
    void twoNodesShareTheDatabaseAndTheHostnameBehindABalancerOfBoth() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> services = map(compose, "services");
        for (String name : new String[] {"postgres", "mail", "keycloak-a", "keycloak-b", "lb"}) {
            assertTrue(services.containsKey(name), "service " + name);
        }
        Map<String, Object> a = map(services, "keycloak-a");
        Map<String, Object> b = map(services, "keycloak-b");
        Map<String, Object> envA = map(a, "environment");
        Map<String, Object> envB = map(b, "environment");
        for (String shared : new String[] {"KC_HOSTNAME", "KC_DB_URL", "KC_CACHE_STACK", "KC_PROXY_HEADERS", "KC_METRICS_ENABLED"}) {
            assertNotNull(envA.get(shared), "keycloak-a sets " + shared);
            assertEquals(envA.get(shared), envB.get(shared), shared + " is the same on both nodes");
        }
        assertEquals("jdbc-ping", envA.get("KC_CACHE_STACK"));
        assertEquals("true", envA.get("KC_METRICS_ENABLED"), "each node serves /metrics");
        assertNotEquals(envA.get("KC_SPI_CACHE_EMBEDDED_DEFAULT_NODE_NAME"), envB.get("KC_SPI_CACHE_EMBEDDED_DEFAULT_NODE_NAME"),
                "each node has a name of its own");
        assertTrue(a.get("command").toString().contains("--import-realm"), "the first node imports the realm");
        assertFalse(b.get("command").toString().contains("--import-realm"), "the second finds it in the database");
        assertEquals("Containerfile", map(a, "build").get("dockerfile"));
        assertEquals(map(a, "build"), map(b, "build"), "both nodes run the same image");
        assertFalse(a.containsKey("ports") || b.containsKey("ports"), "the nodes are reached only through the balancer");

        assertTrue(map(services, "lb").get("volumes").toString().contains("./compose.cluster.nginx.conf:/etc/nginx/nginx.conf"),
                "the balancer runs the configuration beside the compose file");
        String balancer = Files.readString(PROJECT.resolve("compose.cluster.nginx.conf"));
        assertTrue(balancer.contains("server keycloak-a:8080;") && balancer.contains("server keycloak-b:8080;"), balancer);
        assertFalse(balancer.contains("ip_hash") || balancer.contains("sticky"), "no sticky sessions: both nodes answer any request");
    }

    @Test
    void portsArePublishedOnLoopbackOnly() throws IOException {
        int published = 0;
        for (Object service : map(compose(), "services").values()) {
            Object ports = ((Map<?, ?>) service).get("ports");
            for (Object port : ports == null ? java.util.List.of() : (java.util.List<?>) ports) {
                published++;
                assertTrue(port.toString().startsWith("127.0.0.1:"), "published on loopback only: " + port);
            }
        }
        assertEquals(2, published, "the balancer and the mail catcher's web inbox");
    }

    @Test
    void theContainerfileBakesTheJarBuiltByPackageAndTheRealm() throws IOException {
        String containerfile = Files.readString(PROJECT.resolve("Containerfile"));
        assertTrue(containerfile.contains("FROM quay.io/keycloak/keycloak:26.7.3"), containerfile);
        String jar = Path.of(System.getProperty("vigi.provider.jar")).getFileName().toString();
        assertTrue(containerfile.contains("COPY authenticator/target/" + jar + " /opt/keycloak/providers/" + jar),
                "the Containerfile copies the JAR this build makes, " + jar);
        assertTrue(containerfile.contains("kc.sh build"), "built at image time, started with --optimized");
        assertTrue(containerfile.contains("KC_DB=postgres") && containerfile.contains("KC_CACHE=ispn"));
        assertTrue(containerfile.contains("KC_METRICS_ENABLED=true"), "metrics are a build option: on in the image");
        assertTrue(Files.isRegularFile(PROJECT.resolve("realm-config/vigi-realm.json")));
        assertTrue(containerfile.contains("COPY realm-config/vigi-realm.json /opt/keycloak/data/import/"));
    }

    /** The compose file with anchors and merge keys resolved, as compose reads it. */
    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(PROJECT.resolve("compose.cluster.yml"))) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, key + " is a mapping: " + value);
        return (Map<String, Object>) value;
    }
}

package org.vigi2fa.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;

/** Ways round the code that Keycloak allows are named in the server log at start and at every realm import. */
@VigiTest
class RealmAuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedRealmIsToldOnlyAboutItsPublishedDefaultSecrets(VigiEnvironment env) throws IOException {
        String log = serverLog(env);
        assertTrue(log.contains("VIGI 2FA, realm 'vigi': client 'vms-cloud' uses the published default secret"), "secret warning");
        assertTrue(log.contains("VIGI 2FA, realm 'vigi': client 'vms-local' uses the published default secret"), "secret warning");
        assertFalse(log.contains("VIGI 2FA, realm 'vigi': the reset-credentials flow"), "the shipped reset flow asks the code");
        assertFalse(log.contains("VIGI 2FA, realm 'vigi': the UPDATE_EMAIL"), "the shipped realm guards e-mail changes");
        assertFalse(log.contains("VIGI 2FA, realm 'vigi': the direct-grant flow"), "the shipped direct grant asks the code");
    }

    @Test
    void anImportedRealmWithAClientFlowOverrideAndAnIdentityProviderIsNamed(VigiEnvironment env) throws IOException {
        serverLog(env);
        String name = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode realm = shippedRealmWithDefaults();
        realm.put("realm", name);
        realm.remove("resetCredentialsFlow");
        String bypassId = UUID.randomUUID().toString();
        ((ArrayNode) realm.get("authenticationFlows")).add(JSON.valueToTree(Map.of("id", bypassId, "alias", "password only",
                "providerId", "basic-flow", "topLevel", true, "builtIn", false, "authenticationExecutions", List.of(Map.of(
                        "authenticator", "auth-username-password-form", "requirement", "REQUIRED", "priority", 10,
                        "authenticatorFlow", false, "userSetupAllowed", false)))));
        ((ArrayNode) realm.get("clients")).add(JSON.valueToTree(Map.of("clientId", "legacy-portal", "enabled", true,
                "publicClient", true, "redirectUris", List.of("http://localhost:4000/*"),
                "authenticationFlowBindingOverrides", Map.of("browser", bypassId))));
        realm.set("identityProviders", JSON.valueToTree(List.of(Map.of("alias", "legacy-idp", "providerId", "oidc", "enabled", true,
                "config", Map.of("clientId", "x", "clientSecret", "y", "authorizationUrl", "http://localhost:4001/auth",
                        "tokenUrl", "http://localhost:4001/token")))));
        try {
            env.admin().realms().create(JSON.treeToValue(realm, RealmRepresentation.class));
            String prefix = "VIGI 2FA, realm '" + name + "': ";
            String log = awaitLogLine(env, prefix);
            assertTrue(log.contains(prefix + "client 'legacy-portal' overrides the browser flow"), "client override named");
            assertTrue(log.contains(prefix + "identity provider 'legacy-idp'"), "identity provider named");
            assertTrue(log.contains(prefix + "the reset-credentials flow has no VIGI code step"), "reset flow named");
        } finally {
            env.admin().realms().realm(name).remove();
        }
        assertEquals(0, env.admin().realms().findAll().stream().filter(r -> name.equals(r.getRealm())).count());
    }

    /** The shipped realm with every placeholder at its default: the file the build writes for admin-console uploads. */
    private static ObjectNode shippedRealmWithDefaults() throws IOException {
        Path file = Path.of(System.getProperty("vigi.provider.jar")).resolveSibling("vigi-realm-defaults.json");
        return (ObjectNode) JSON.readTree(file.toFile());
    }

    /** The log once it holds the line (the server writes it while the import returns); bounded. */
    private static String awaitLogLine(VigiEnvironment env, String part) throws IOException {
        String log = serverLog(env);
        for (int i = 0; i < 100 && !log.contains(part); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            log = serverLog(env);
        }
        return log;
    }

    private static String serverLog(VigiEnvironment env) throws IOException {
        Path log = env.serverLog().orElse(null);
        Assumptions.assumeTrue(log != null, "reads the server log: needs the distribution server (-Dvigi.server=dist)");
        return Files.readString(log);
    }
}

package org.vigi2fa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The three benchmark realms, made from realm-config/vigi-realm.json: same clients, users' hashing, OTP policy and
 * theme; only the browser flow differs: password only; Keycloak's auth-cookie + auth-otp-form; ours as shipped
 * (vigi-2fa-cookie + vigi-2fa-code).
 */
final class BenchRealms {

    /** The three flows measured side by side. */
    enum Flow {
        PASSWORD("bench-password", "password only"),
        BUILTIN("bench-builtin", "Keycloak built-in OTP (auth-otp-form)"),
        VIGI("bench-vigi", "VIGI 2FA (vigi-2fa-code)");

        final String realm;
        final String label;

        Flow(String realm, String label) {
            this.realm = realm;
            this.label = label;
        }

        String key() {
            return name().toLowerCase();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODE_SUBFLOW = "vigi browser 2fa";

    private BenchRealms() {
    }

    /** Writes one realm file per flow into {@code dir}; returns their paths. */
    static List<Path> write(Path template, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            for (Flow flow : Flow.values()) {
                ObjectNode realm = (ObjectNode) JSON.readTree(template.toFile());
                realm.put("realm", flow.realm);
                realm.put("displayName", "VIGI bench " + flow.key());
                adapt(realm, flow);
                Path file = dir.resolve(flow.realm + "-realm.json");
                JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), realm);
                files.add(file);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void adapt(ObjectNode realm, Flow flow) {
        ArrayNode flows = (ArrayNode) realm.get("authenticationFlows");
        for (JsonNode f : flows) {
            ArrayNode executions = (ArrayNode) f.get("authenticationExecutions");
            for (Iterator<JsonNode> it = executions.iterator(); it.hasNext(); ) {
                ObjectNode execution = (ObjectNode) it.next();
                if (flow == Flow.PASSWORD && CODE_SUBFLOW.equals(execution.path("flowAlias").asText())) {
                    it.remove();
                } else if (flow == Flow.BUILTIN && "vigi-2fa-code".equals(execution.path("authenticator").asText())) {
                    execution.put("authenticator", "auth-otp-form");
                    execution.remove("authenticatorConfig");
                } else if (flow != Flow.VIGI && "vigi-2fa-cookie".equals(execution.path("authenticator").asText())) {
                    // Keycloak's own SSO cookie step where nothing of ours should run.
                    execution.put("authenticator", "auth-cookie");
                }
            }
        }
        if (flow == Flow.PASSWORD) {
            for (Iterator<JsonNode> it = flows.iterator(); it.hasNext(); ) {
                if (CODE_SUBFLOW.equals(it.next().path("alias").asText())) {
                    it.remove();
                }
            }
        }
        if (flow != Flow.VIGI) {
            realm.remove("authenticatorConfig");
        }
    }
}

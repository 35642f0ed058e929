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
 * (vigi-2fa-cookie, the level-of-authentication conditions, the trusted-device step and vigi-2fa-code).
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
    private static final String BROWSER_FLOW = "vigi browser";
    private static final String FORMS_SUBFLOW = "vigi browser forms";
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

    /**
     * Ours runs the realm file's flows as shipped. The others get Keycloak's usual browser flow in place of the
     * "forms" sub-flow (password form, then for BUILTIN a conditional auth-otp-form), Keycloak's auth-cookie, and no
     * VIGI execution configs (amr reference values, level-of-authentication conditions, our settings).
     */
    private static void adapt(ObjectNode realm, Flow flow) {
        if (flow == Flow.VIGI) {
            return;
        }
        ArrayNode flows = (ArrayNode) realm.get("authenticationFlows");
        for (Iterator<JsonNode> it = flows.iterator(); it.hasNext(); ) {
            ObjectNode f = (ObjectNode) it.next();
            String alias = f.path("alias").asText();
            if (alias.startsWith(BROWSER_FLOW + " ") && !FORMS_SUBFLOW.equals(alias)) {
                it.remove(); // the VIGI browser sub-flows: rebuilt below as Keycloak's
                continue;
            }
            for (JsonNode e : f.get("authenticationExecutions")) {
                ObjectNode execution = (ObjectNode) e;
                execution.remove("authenticatorConfig");
                if ("vigi-2fa-cookie".equals(execution.path("authenticator").asText())) {
                    execution.put("authenticator", "auth-cookie");
                }
            }
            if (FORMS_SUBFLOW.equals(alias)) {
                ArrayNode executions = f.putArray("authenticationExecutions");
                executions.add(execution("auth-username-password-form", null, 0));
                if (flow == Flow.BUILTIN) {
                    executions.add(execution(null, CODE_SUBFLOW, 1).put("requirement", "CONDITIONAL"));
                }
            }
        }
        if (flow == Flow.BUILTIN) {
            ObjectNode code = flows.addObject().put("alias", CODE_SUBFLOW).put("providerId", "basic-flow")
                    .put("topLevel", false).put("builtIn", false);
            ArrayNode executions = code.putArray("authenticationExecutions");
            executions.add(execution("conditional-user-configured", null, 0));
            executions.add(execution("auth-otp-form", null, 1));
        }
        realm.remove("authenticatorConfig");
    }

    private static ObjectNode execution(String authenticator, String subFlow, int priority) {
        ObjectNode execution = JSON.createObjectNode();
        if (authenticator != null) {
            execution.put("authenticator", authenticator);
        } else {
            execution.put("flowAlias", subFlow).put("autheticatorFlow", true);
        }
        return execution.put("requirement", "REQUIRED").put("priority", priority).put("userSetupAllowed", false)
                .put("authenticatorFlow", subFlow != null);
    }
}

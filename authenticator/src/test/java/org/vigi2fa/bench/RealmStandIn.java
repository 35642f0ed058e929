package org.vigi2fa.bench;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.RealmModel;

/** A RealmModel that answers the flow, config and OTP-policy questions from the realm JSON, as the realm cache does. */
final class RealmStandIn {

    private RealmStandIn() {
    }

    static RealmModel of(Path realmFile, OTPPolicy policy) throws IOException {
        JsonNode realm = new ObjectMapper().readTree(realmFile.toFile());
        Map<String, AuthenticationFlowModel> flows = new LinkedHashMap<>();
        Map<String, List<AuthenticationExecutionModel>> executions = new LinkedHashMap<>();
        for (JsonNode f : realm.path("authenticationFlows")) {
            AuthenticationFlowModel flow = new AuthenticationFlowModel();
            flow.setId(f.path("alias").asText());
            flow.setAlias(f.path("alias").asText());
            flow.setTopLevel(f.path("topLevel").asBoolean());
            flows.put(flow.getId(), flow);
            executions.put(flow.getId(), executions(flow, f));
        }
        Map<String, AuthenticatorConfigModel> configs = configs(realm);
        String browser = realm.path("browserFlow").asText();
        String display = realm.path("displayName").asText(realm.path("realm").asText());
        String name = realm.path("realm").asText();
        return (RealmModel) Proxy.newProxyInstance(RealmStandIn.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBrowserFlow" -> flows.get(browser);
                    case "getAuthenticationFlowById" -> flows.get((String) args[0]);
                    case "getAuthenticationExecutionsStream" -> executions.getOrDefault((String) args[0], List.of()).stream();
                    case "getAuthenticatorConfigById" -> configs.get((String) args[0]);
                    case "getDisplayName" -> display;
                    case "getName", "getId" -> name;
                    case "getOTPPolicy" -> policy;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "RealmStandIn[" + name + "]";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The flow's executions as the realm JSON lists them (ids: flow alias / position). */
    private static List<AuthenticationExecutionModel> executions(AuthenticationFlowModel flow, JsonNode f) {
        List<AuthenticationExecutionModel> list = new ArrayList<>();
        for (JsonNode e : f.path("authenticationExecutions")) {
            AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
            execution.setId(flow.getId() + "/" + list.size());
            execution.setParentFlow(flow.getId());
            execution.setPriority(e.path("priority").asInt());
            execution.setAuthenticatorFlow(e.path("authenticatorFlow").asBoolean());
            if (execution.isAuthenticatorFlow()) {
                execution.setFlowId(e.path("flowAlias").asText());
            } else {
                execution.setAuthenticator(e.path("authenticator").asText());
            }
            if (e.hasNonNull("authenticatorConfig")) {
                execution.setAuthenticatorConfig(e.path("authenticatorConfig").asText());
            }
            list.add(execution);
        }
        return list;
    }

    private static Map<String, AuthenticatorConfigModel> configs(JsonNode realm) {
        Map<String, AuthenticatorConfigModel> configs = new LinkedHashMap<>();
        for (JsonNode c : realm.path("authenticatorConfig")) {
            AuthenticatorConfigModel config = new AuthenticatorConfigModel();
            config.setId(c.path("alias").asText());
            config.setAlias(c.path("alias").asText());
            Map<String, String> values = new LinkedHashMap<>();
            c.path("config").fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().asText()));
            config.setConfig(values);
            configs.put(config.getId(), config);
        }
        return configs;
    }
}

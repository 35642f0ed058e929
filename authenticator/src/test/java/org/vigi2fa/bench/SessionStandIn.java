package org.vigi2fa.bench;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.keycloak.models.KeycloakSession;

/** A KeycloakSession that only keeps attributes, as a request's session does for the settings lookup. */
final class SessionStandIn {

    private SessionStandIn() {
    }

    static KeycloakSession fresh() {
        Map<String, Object> attributes = new java.util.HashMap<>();
        return (KeycloakSession) Proxy.newProxyInstance(SessionStandIn.class.getClassLoader(), new Class<?>[] {KeycloakSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> args.length == 2 ? ((Class<?>) args[1]).cast(attributes.get((String) args[0]))
                            : attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

package org.vigi2fa.config;

import java.util.Arrays;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Walks an authentication flow with its sub-flows for the enabled step of a provider: where the settings live, whether
 * a realm's flows run the VIGI steps. The answer for one flow is kept as a session attribute, which lives as long as
 * the request, so a flow an administrator changes counts from the next request on.
 */
public final class FlowWalk {

    private static final String SESSION_ATTRIBUTE_PREFIX = "vigi-2fa.flow-runs.";

    private FlowWalk() {
    }

    /** Whether the flow (with its sub-flows) has an enabled step of one of these providers. */
    public static boolean runs(RealmModel realm, AuthenticationFlowModel flow, String... providerIds) {
        return Arrays.stream(providerIds).anyMatch(id -> find(realm, flow, id) != null);
    }

    /** {@link #runs}, for one provider, walking each flow once per request. */
    public static boolean runs(KeycloakSession session, RealmModel realm, AuthenticationFlowModel flow, String providerId) {
        if (flow == null) {
            return false;
        }
        String key = SESSION_ATTRIBUTE_PREFIX + flow.getId() + "." + providerId;
        Boolean known = session.getAttribute(key, Boolean.class);
        if (known == null) {
            known = find(realm, flow, providerId) != null;
            session.setAttribute(key, known);
        }
        return known;
    }

    /** The first enabled step of the provider in the flow and its sub-flows, or null. */
    static AuthenticationExecutionModel find(RealmModel realm, AuthenticationFlowModel flow, String providerId) {
        if (flow == null) {
            return null;
        }
        return realm.getAuthenticationExecutionsStream(flow.getId())
                .filter(execution -> !execution.isDisabled())
                .map(execution -> execution.isAuthenticatorFlow()
                        ? find(realm, realm.getAuthenticationFlowById(execution.getFlowId()), providerId)
                        : providerId.equals(execution.getAuthenticator()) ? execution : null)
                .filter(found -> found != null)
                .findFirst().orElse(null);
    }
}

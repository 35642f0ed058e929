package org.vigi2fa.it.rollout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.vigi2fa.testing.VigiEnvironment;

/** The rollout policy of the test realm (the required action's config), a group of its own per test, its events. */
public final class RolloutSupport {

    public static final String ACTION = "vigi-2fa-rollout";
    public static final String PAGE = "login-vigi-2fa-rollout";
    public static final String ENROL_PAGE = "login-vigi-2fa-enable-confirm";

    private RolloutSupport() {
    }

    /** Sets the policy; returns what it was, for {@link #restore}. */
    public static Map<String, String> policy(VigiEnvironment env, Map<String, String> config) {
        AuthenticationManagementResource flows = env.realm().flows();
        Map<String, String> before = current(flows);
        RequiredActionConfigRepresentation rep = new RequiredActionConfigRepresentation();
        rep.setConfig(new HashMap<>(config));
        flows.updateRequiredActionConfig(ACTION, rep);
        return before;
    }

    public static void restore(VigiEnvironment env, Map<String, String> before) {
        RequiredActionConfigRepresentation rep = new RequiredActionConfigRepresentation();
        rep.setConfig(new HashMap<>(before));
        env.realm().flows().updateRequiredActionConfig(ACTION, rep);
    }

    public static Map<String, String> current(AuthenticationManagementResource flows) {
        Map<String, String> config = flows.getRequiredActionConfig(ACTION).getConfig();
        return config == null ? Map.of() : Map.copyOf(config);
    }

    /** A new group with these users in it; its path. */
    public static String groupOf(VigiEnvironment env, String... userIds) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName("rollout-" + UUID.randomUUID().toString().substring(0, 8));
        try (Response created = env.realm().groups().add(group)) {
            String path = created.getLocation().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            for (String userId : userIds) {
                env.realm().users().get(userId).joinGroup(id);
            }
        }
        return "/" + group.getName();
    }

    /** The user's rollout events (postponed, forced, turn on now), oldest first. */
    static List<String> events(VigiEnvironment env, String userId) {
        List<EventRepresentation> events = env.realm().getEvents(List.of("CUSTOM_REQUIRED_ACTION"), null, userId, null, null, null, 0, 100);
        List<String> newestFirst = new ArrayList<>(events.stream()
                // Keycloak's own event of the action's success has no vigi_2fa detail
                .filter(e -> e.getDetails() != null && ACTION.equals(e.getDetails().get("custom_required_action"))
                        && e.getDetails().get("vigi_2fa") != null)
                .map(e -> e.getDetails().get("vigi_2fa")).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}

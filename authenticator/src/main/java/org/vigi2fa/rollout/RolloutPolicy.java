package org.vigi2fa.rollout;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

/**
 * Who must have 2FA and by when, as the administrator set it on the required action: members of groups (and their
 * subgroups), holders of realm roles or client roles ({@code client-id.role}), users signing in to chosen clients; a
 * date (from 00:00 UTC that day) and/or a number of days after the policy first applied to the user, the earlier of the
 * two; a number of postponements. An empty policy covers nobody.
 */
final class RolloutPolicy {

    private final List<String> groups;
    private final List<String> roles;
    private final List<String> clients;
    private final String deadline;
    private final String graceDays;
    private final String postponements;

    private RolloutPolicy(Map<String, String> config) {
        Map<String, String> c = config == null ? Map.of() : config;
        this.groups = list(c.get(RolloutIds.GROUPS));
        this.roles = list(c.get(RolloutIds.ROLES));
        this.clients = list(c.get(RolloutIds.CLIENTS));
        this.deadline = trimmed(c.get(RolloutIds.DEADLINE));
        this.graceDays = trimmed(c.get(RolloutIds.GRACE_DAYS));
        this.postponements = trimmed(c.get(RolloutIds.POSTPONEMENTS));
    }

    static RolloutPolicy of(Map<String, String> config) {
        return new RolloutPolicy(config);
    }

    /** Whether the policy asks this user, signing in to this client, for 2FA. */
    boolean covers(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client) {
        if (client != null && clients.contains(client.getClientId())) {
            return true;
        }
        boolean inGroup = groups.stream().map(path -> findGroup(session, realm, path))
                .filter(Objects::nonNull).anyMatch(group -> RoleUtils.isMember(user.getGroupsStream(), group));
        return inGroup || roles.stream().map(name -> KeycloakModelUtils.getRoleFromString(realm, name))
                .filter(Objects::nonNull).anyMatch(user::hasRole);
    }

    /** The user's deadline in epoch seconds, from when the policy first applied; Long.MAX_VALUE when none is set. */
    long deadlineFor(long sinceSeconds) {
        long byDate = deadline.isEmpty() ? Long.MAX_VALUE : LocalDate.parse(deadline).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long byDays = graceDays.isEmpty() ? Long.MAX_VALUE : sinceSeconds + Long.parseLong(graceDays) * 86_400L;
        return Math.min(byDate, byDays);
    }

    int postponements() {
        return postponements.isEmpty() ? RolloutIds.DEFAULT_POSTPONEMENTS : Integer.parseInt(postponements);
    }

    /** Refuses what the admin console must not save: unknown groups, roles or clients, a bad date, a negative count. */
    void validate(KeycloakSession session, RealmModel realm) {
        groups.stream().filter(path -> findGroup(session, realm, path) == null).findFirst()
                .ifPresent(path -> refuse(RolloutIds.GROUPS, "Unknown group: " + path + " (write its path, e.g. /installers)"));
        roles.stream().filter(name -> KeycloakModelUtils.getRoleFromString(realm, name) == null).findFirst()
                .ifPresent(name -> refuse(RolloutIds.ROLES, "Unknown role: " + name + " (a realm role, or client-id.role)"));
        clients.stream().filter(id -> realm.getClientByClientId(id) == null).findFirst()
                .ifPresent(id -> refuse(RolloutIds.CLIENTS, "Unknown client: " + id));
        if (!deadline.isEmpty()) {
            try {
                LocalDate.parse(deadline);
            } catch (DateTimeParseException e) {
                refuse(RolloutIds.DEADLINE, "The deadline is not a date of the form 2027-03-31: " + deadline);
            }
        }
        checkCount(RolloutIds.GRACE_DAYS, graceDays, "days of grace");
        checkCount(RolloutIds.POSTPONEMENTS, postponements, "postponements");
    }

    private static GroupModel findGroup(KeycloakSession session, RealmModel realm, String path) {
        return KeycloakModelUtils.findGroupByPath(session, realm, path.startsWith("/") ? path : "/" + path);
    }

    private static void checkCount(String key, String value, String what) {
        if (value.isEmpty()) {
            return;
        }
        try {
            if (Integer.parseInt(value) >= 0) {
                return;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        refuse(key, "The number of " + what + " must be a whole number, 0 or more: " + value);
    }

    private static void refuse(String key, String message) {
        throw new ValidationException(new ValidationError(RolloutIds.ACTION, key, message));
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("##|,")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}

package org.vigi2fa.rollout;

import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;

/**
 * What the policy keeps per user, as user attributes (so it survives restarts, reaches every node and is removed with
 * the user): when it first applied, how many times the user postponed, and whether the user had 2FA while covered. A
 * help-desk reset or turning 2FA off removes the credential, not these: the grace is never given twice.
 */
final class RolloutState {

    private final UserModel user;

    private RolloutState(UserModel user) {
        this.user = user;
    }

    static RolloutState of(UserModel user) {
        return new RolloutState(user);
    }

    /** Epoch seconds when the policy first applied to the user; set now on the first call. */
    long since() {
        Long since = number(RolloutIds.ATTR_SINCE);
        if (since == null) {
            since = (long) Time.currentTime();
            user.setSingleAttribute(RolloutIds.ATTR_SINCE, Long.toString(since));
        }
        return since;
    }

    int postponed() {
        Long count = number(RolloutIds.ATTR_POSTPONED);
        return count == null ? 0 : count.intValue();
    }

    void postpone() {
        user.setSingleAttribute(RolloutIds.ATTR_POSTPONED, Integer.toString(postponed() + 1));
    }

    boolean had2fa() {
        return Boolean.parseBoolean(user.getFirstAttribute(RolloutIds.ATTR_HAD_2FA));
    }

    /** Written once, the first sign-in the policy sees the user with 2FA. */
    void mark2fa() {
        if (!had2fa()) {
            user.setSingleAttribute(RolloutIds.ATTR_HAD_2FA, "true");
        }
    }

    private Long number(String attribute) {
        try {
            String value = user.getFirstAttribute(attribute);
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

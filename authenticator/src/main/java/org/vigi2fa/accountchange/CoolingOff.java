package org.vigi2fa.accountchange;

import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * The pause of the lost-phone path after the password or the e-mail address changed: whoever just changed one factor
 * must not be able to remove the other with it. Kept as a user attribute that Keycloak's user profile does not
 * manage, so the account console and the account REST API neither show nor accept it (while the realm's
 * unmanaged-attribute policy is left off or admin-only, as shipped).
 */
public final class CoolingOff {

    private CoolingOff() {
    }

    /** Starts (or restarts) the pause now. */
    public static void start(UserModel user) {
        user.setSingleAttribute(AccountChangeIds.USER_ATTR_CHANGED_AT, Long.toString(Time.currentTime()));
    }

    /** Seconds the pause still lasts, 0 when the lost-phone path is open. */
    public static long remainingSeconds(UserModel user, TwoFactorSettings settings) {
        String since = user.getFirstAttribute(AccountChangeIds.USER_ATTR_CHANGED_AT);
        if (since == null || settings.coolingOffSeconds() == 0) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(since.trim()) + settings.coolingOffSeconds() - Time.currentTime());
        } catch (NumberFormatException e) {
            // an unreadable marker is treated as a change just now: fail closed
            return settings.coolingOffSeconds();
        }
    }
}

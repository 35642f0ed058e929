package org.vigi2fa.report;

import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;

/**
 * The lost-phone path closed after "This wasn't me" on a "2FA turned off" or "e-mail changed" mail: whoever did that
 * may hold the mailbox. A user attribute the user profile does not manage (like CoolingOff's); a successful sign-in
 * with the code clears it, and so does an administrator removing the attribute.
 */
public final class LostPhoneBlock {

    /** "epoch seconds:mail kind" of the report that closed the path. */
    public static final String ATTRIBUTE = "vigi-2fa.lost-phone-blocked";

    private LostPhoneBlock() {
    }

    /** Whether a report of this mail kind closes the lost-phone path. */
    static boolean closesFor(String kind) {
        return ReportIds.KIND_DISABLED.equals(kind) || ReportIds.KIND_EMAIL_CHANGED.equals(kind);
    }

    static void close(UserModel user, String kind) {
        user.setSingleAttribute(ATTRIBUTE, Time.currentTime() + ":" + kind);
    }

    /** Whether the lost-phone path of the user is closed. */
    public static boolean isClosed(UserModel user) {
        return user.getFirstAttribute(ATTRIBUTE) != null;
    }

    /** Opens the path again (a sign-in with the code proved the phone); writes only when it was closed. */
    public static void clear(UserModel user) {
        if (isClosed(user)) {
            user.removeAttribute(ATTRIBUTE);
        }
    }
}

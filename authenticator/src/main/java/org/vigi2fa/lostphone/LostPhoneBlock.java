package org.vigi2fa.lostphone;

import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;

/**
 * The lost-phone path closed after "This wasn't me" on a "2FA turned off" or "e-mail changed" mail: whoever did that
 * may hold the mailbox. A user attribute the user profile does not manage (like CoolingOff's); a successful sign-in
 * with the code clears it, and so does an administrator removing the attribute.
 */
public final class LostPhoneBlock {

    private LostPhoneBlock() {
    }

    /** Closes the path, naming the kind of mail whose report closed it. */
    public static void close(UserModel user, String kind) {
        user.setSingleAttribute(LostPhoneIds.USER_ATTR_BLOCKED, Time.currentTime() + ":" + kind);
    }

    /** Whether the lost-phone path of the user is closed. */
    public static boolean isClosed(UserModel user) {
        return user.getFirstAttribute(LostPhoneIds.USER_ATTR_BLOCKED) != null;
    }

    /** Opens the path again (a sign-in with the code proved the phone); writes only when it was closed. */
    public static void clear(UserModel user) {
        if (isClosed(user)) {
            user.removeAttribute(LostPhoneIds.USER_ATTR_BLOCKED);
        }
    }
}

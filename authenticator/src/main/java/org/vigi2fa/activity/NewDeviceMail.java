package org.vigi2fa.activity;

import java.util.Locale;
import java.util.Map;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.ApplicationName;
import org.vigi2fa.SeenDevice;
import org.vigi2fa.ShownTime;
import org.vigi2fa.config.TwoFactorSettings;
import org.vigi2fa.notify.NotifyIds;
import org.vigi2fa.notify.TwoFactorNotifier;

/**
 * "A new sign-in to your VIGI account": mailed when the code signs the user in on a device the activity has never
 * seen for that user. Not for the user's first device (the one that turned 2FA on, or the first sign-in after an
 * administrator set it up), not for a trusted device (it signs in without the code), and at most once a day for a
 * browser that keeps no cookie (same device label and address). Sent after commit, with "This wasn't me".
 */
final class NewDeviceMail {

    private static final long DAY_MILLIS = 86_400_000L;

    private NewDeviceMail() {
    }

    /** Decided before the sign-in's own row is written: whether this device is new and not the user's first. */
    static boolean due(KeycloakSession session, RealmModel realm, UserModel user, String sentDeviceId) {
        if (session.getContext().getHttpRequest() == null || !TwoFactorSettings.of(session, realm).newDeviceMail()) {
            return false;
        }
        if (sentDeviceId != null && SecurityActivity.knows(session, realm, user, sentDeviceId)) {
            return false;
        }
        return SecurityActivity.knows(session, realm, user, null)
                && !SecurityActivity.signedInFrom(session, realm, user, SeenDevice.of(session).label(),
                        session.getContext().getConnection().getRemoteAddr(), Time.currentTimeMillis() - DAY_MILLIS);
    }

    static void send(KeycloakSession session, RealmModel realm, UserModel user, Activity row) {
        Locale locale = ShownTime.localeOf(session, user);
        String application = row.clientId() == null ? "" : ApplicationName.of(session, realm, row.clientId(), locale);
        TwoFactorNotifier.send(session, realm, user, null, ActivityIds.MSG_SUBJECT_NEW_DEVICE, ActivityIds.TPL_MAIL_NEW_DEVICE,
                Map.of(ActivityIds.MAIL_APPLICATION, application, NotifyIds.MAIL_DEVICE, row.device(),
                        ActivityIds.MAIL_TIME, ShownTime.utc(row.createdAt(), locale), ActivityIds.MAIL_IP, row.ipAddress() == null ? "" : row.ipAddress()));
    }
}

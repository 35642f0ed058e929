package org.vigi2fa.report;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.vigi2fa.VigiIds;
import org.vigi2fa.lostphone.LostPhoneBlock;
import org.vigi2fa.removal.TwoFactorRemoval;
import org.vigi2fa.trust.TrustIds;
import org.vigi2fa.trust.TrustedDevices;
import org.vigi2fa.metrics.VigiMetrics;

/**
 * What a confirmed "This wasn't me" does: locks whoever is in out and makes the owner choose a new password. It never
 * removes the authenticator: the mail may be in an attacker's hands, and the report must not be a way to strip 2FA.
 */
final class NotMeReport {

    private NotMeReport() {
    }

    static void apply(KeycloakSession session, RealmModel realm, UserModel user, String kind, EventBuilder event) {
        // every session, refresh and offline token ends (no session is kept: the link is opened without one)
        TwoFactorRemoval.signOutEverywhere(session, realm, user, null);
        TrustedDevices.revokeAll(session, realm, user, TrustIds.REVOKED_REPORTED);
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        user.setSingleAttribute(ReportIds.USER_ATTR_NEW_PASSWORD_DUE, Boolean.TRUE.toString());
        if (closesLostPhone(kind)) {
            LostPhoneBlock.close(user, kind);
        }
        event.clone().event(EventType.CUSTOM_REQUIRED_ACTION).user(user)
                .detail(VigiIds.EVENT_DETAIL, ReportIds.EVENT_REPORTED)
                .detail(ReportIds.DETAIL_MAIL_KIND, kind).success();
        VigiMetrics.reported(session, realm);
    }

    /** Whether a report of this mail kind closes the lost-phone path: whoever turned 2FA off or moved the mail may hold the mailbox. */
    static boolean closesLostPhone(String kind) {
        return ReportIds.KIND_DISABLED.equals(kind) || ReportIds.KIND_EMAIL_CHANGED.equals(kind);
    }
}

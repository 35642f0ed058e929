package org.vigi2fa.recovery;

import java.util.Optional;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * When recovery codes come up without being asked for: at the end of turning 2FA on (per the setting) and after a
 * sign-in that leaves fewer than {@link RecoveryIds#LOW} codes. Both run {@link RecoveryIds#ACTION} next in the same
 * authentication session, which has just seen the password and the code, so no second proof is asked.
 */
public final class RecoveryOffer {

    private RecoveryOffer() {
    }

    /** Called when the new authenticator is stored: offers a new set (required: also on later sign-ins until saved). */
    public static void afterEnrolment(RequiredActionContext context) {
        String setting = TwoFactorSettings.of(context.getSession(), context.getRealm()).recoveryCodes();
        if (TwoFactorSettings.RECOVERY_OFF.equals(setting)) {
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = context.getUser();
        authSession.setAuthNote(RecoveryIds.AUTH_NOTE_VERIFIED, user.getId());
        authSession.setAuthNote(RecoveryIds.AUTH_NOTE_GRANTED, user.getId());
        authSession.addRequiredAction(RecoveryIds.ACTION);
        if (TwoFactorSettings.RECOVERY_REQUIRED.equals(setting)) {
            user.addRequiredAction(RecoveryIds.ACTION);
        }
    }

    /** Called when the code step lets the user in: notes the proof; a set with fewer than LOW codes left adds the reminder. */
    public static void afterSignIn(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(RecoveryIds.AUTH_NOTE_VERIFIED, user.getId());
        Optional<RecoveryAuthnCodesCredentialModel> set = RecoveryCodes.stored(user);
        if (set.isPresent() && RecoveryCodes.left(set.get()) < RecoveryIds.LOW) {
            authSession.addRequiredAction(RecoveryIds.ACTION);
        }
    }

    static boolean verified(AuthenticationSessionModel authSession, UserModel user) {
        return user.getId().equals(authSession.getAuthNote(RecoveryIds.AUTH_NOTE_VERIFIED));
    }

    static boolean granted(AuthenticationSessionModel authSession, UserModel user) {
        return user.getId().equals(authSession.getAuthNote(RecoveryIds.AUTH_NOTE_GRANTED));
    }
}

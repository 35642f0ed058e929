package org.vigi2fa.login;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.CookieAuthenticator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.vigi2fa.VigiIds;

/**
 * Keycloak's SSO cookie step, except that a session of a user with 2FA only counts when it was verified with
 * one of the user's current OTP credentials. A session from before the user turned 2FA on (or from before a
 * re-enrolment) therefore goes through the password and the code again instead of skipping them.
 */
public final class TwoFactorCookieAuthenticator extends CookieAuthenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationManager.AuthResult sso = AuthenticationManager.authenticateIdentityCookie(context.getSession(), context.getRealm(), true);
        // getUser()/getSession(): the accessors 26.4 has; 26.5+ keep them (deprecated) beside the record's user()/session().
        if (sso != null && !verifiedWithCurrentCredential(sso.getUser(), sso.getSession())) {
            context.attempted();
            return;
        }
        super.authenticate(context);
    }

    static boolean verifiedWithCurrentCredential(UserModel user, UserSessionModel session) {
        boolean hasOtp = user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).findAny().isPresent();
        if (!hasOtp) {
            return true;
        }
        String verified = session.getNote(VigiIds.NOTE_2FA_CREDENTIAL);
        if (verified == null) {
            return false;
        }
        CredentialModel credential = user.credentialManager().getStoredCredentialById(verified);
        return credential != null && OTPCredentialModel.TYPE.equals(credential.getType());
    }
}

package org.vigi2fa.login;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.CookieAuthenticator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.vigi2fa.VigiIds;
import org.vigi2fa.config.TwoFactorSettings;

/**
 * Keycloak's SSO cookie step, except that a session of a user with 2FA only counts when it was verified with
 * one of the user's current OTP credentials. A session from before the user turned 2FA on (or from before a
 * re-enrolment) therefore goes through the password and the code again instead of skipping them. For a client that
 * always asks (the Config Tool: adding devices to a VMS), no session of a 2FA user counts, like a sudo prompt: every
 * authorization of it types the password and a code of its own, whichever way the browser's session was opened.
 */
public final class TwoFactorCookieAuthenticator extends CookieAuthenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationManager.AuthResult sso = AuthenticationManager.authenticateIdentityCookie(context.getSession(), context.getRealm(), true);
        // getUser()/getSession(): the accessors 26.4 has; 26.5+ keep them (deprecated) beside the record's user()/session().
        if (sso != null && (!verifiedWithCurrentCredential(sso.getUser(), sso.getSession())
                || alwaysAsks(context) && hasTwoFactor(sso.getUser()))) {
            context.attempted();
            return;
        }
        super.authenticate(context);
    }

    static boolean verifiedWithCurrentCredential(UserModel user, UserSessionModel session) {
        if (!hasTwoFactor(user)) {
            return true;
        }
        String verified = session.getNote(VigiIds.NOTE_2FA_CREDENTIAL);
        if (verified == null) {
            return false;
        }
        CredentialModel credential = user.credentialManager().getStoredCredentialById(verified);
        return credential != null && OTPCredentialModel.TYPE.equals(credential.getType());
    }

    private static boolean alwaysAsks(AuthenticationFlowContext context) {
        return TwoFactorSettings.of(context.getSession(), context.getRealm())
                .alwaysAsks(context.getAuthenticationSession().getClient().getClientId());
    }

    private static boolean hasTwoFactor(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).findAny().isPresent();
    }
}

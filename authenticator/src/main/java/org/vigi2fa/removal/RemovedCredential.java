package org.vigi2fa.removal;

import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.events.Details;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.vigi2fa.VigiIds;
import org.vigi2fa.activity.SecurityActivity;
import org.vigi2fa.recovery.RecoveryCodes;
import org.vigi2fa.trust.TrustedDevices;

/**
 * Whether the credential an administrator just removed was the user's authenticator. Keycloak 26.7 says so in the
 * admin event ({@code credential_type}); 26.4 and 26.5 record no details there, and the credential is already gone
 * when the event is sent, so the answer comes from the traces an authenticator leaves: sessions verified with it, its
 * last sign-in, devices trusted with it, or recovery codes left without any authenticator.
 */
final class RemovedCredential {

    private RemovedCredential() {
    }

    static boolean wasAuthenticator(KeycloakSession session, RealmModel realm, UserModel user, String credentialId,
            Map<String, String> details) {
        String type = details == null ? null : details.get(Details.CREDENTIAL_TYPE);
        if (type != null) {
            return OTPCredentialModel.TYPE.equals(type);
        }
        boolean noAuthenticatorLeft = TwoFactorRemoval.otpCredentials(user).isEmpty();
        return SecurityActivity.lastSignIn(session, realm, user, credentialId).isPresent()
                || TrustedDevices.anyBoundTo(user, credentialId)
                || (noAuthenticatorLeft && RecoveryCodes.left(user) > 0)
                || Stream.concat(session.sessions().getUserSessionsStream(realm, user),
                        session.sessions().getOfflineUserSessionsStream(realm, user))
                        .anyMatch(s -> credentialId.equals(s.getNote(VigiIds.NOTE_2FA_CREDENTIAL)));
    }
}

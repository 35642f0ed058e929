package org.vigi2fa.move;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What the password and the old code (or a recovery code) proved: this user may replace this credential's secret as it
 * was then. Kept in the authentication session as a digest, never the secret; a move finished elsewhere meanwhile
 * changes the secret, so the proof no longer holds and no second new secret replaces the first.
 */
final class MoveProof {

    private MoveProof() {
    }

    /** The authenticator a move replaces: the user's OTP credential (the product keeps one), or null when 2FA is off. */
    static CredentialModel current(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).findFirst().orElse(null);
    }

    static void grant(AuthenticationSessionModel authSession, UserModel user, CredentialModel credential) {
        authSession.setAuthNote(MoveIds.AUTH_NOTE_PROOF, of(user, credential));
    }

    /** Whether this session proved itself for this credential with the secret it holds now. */
    static boolean holds(AuthenticationSessionModel authSession, UserModel user, CredentialModel credential) {
        return credential != null && of(user, credential).equals(authSession.getAuthNote(MoveIds.AUTH_NOTE_PROOF));
    }

    /** The user, the credential and a digest of its secret: one value per secret a move can replace. */
    static String of(UserModel user, CredentialModel credential) {
        return user.getId() + "." + credential.getId() + "." + digest(credential.getSecretData());
    }

    private static String digest(String secretData) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.valueOf(secretData).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

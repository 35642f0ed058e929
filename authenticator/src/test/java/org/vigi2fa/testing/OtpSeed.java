package org.vigi2fa.testing;

import java.nio.charset.StandardCharsets;

import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * The one way tests make an OTP credential: a fresh random secret under the realm policy (TOTP, HmacSHA1, 6 digits,
 * 30 s), as a realm import or an administrator stores it, with the generator of its codes.
 */
public record OtpSeed(CredentialRepresentation credential, Totp totp) {

    private static final String POLICY = "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}";

    /** A new secret; the label is what the account console lists. */
    public static OtpSeed fresh(String label) {
        String secret = OAuthSecrets.random(20);
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setUserLabel(label);
        otp.setSecretData("{\"value\":\"" + secret + "\"}");
        otp.setCredentialData(POLICY);
        return new OtpSeed(otp, Totp.ofKey(secret.getBytes(StandardCharsets.UTF_8)));
    }
}

package org.vigi2fa.trust;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * What a trusted-device credential stores. Credential data (shown to admins, never secret): the OTP credential the
 * device was verified with, browser and OS for the label, expiry and last use. Secret data: only the SHA-256 of the
 * cookie's secret, so a database reader cannot forge a cookie.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class TrustedDevice {

    @JsonProperty("otp")
    String otpCredentialId;
    @JsonProperty("browser")
    String browser;
    @JsonProperty("os")
    String os;
    @JsonProperty("expires")
    long expiresAt;
    @JsonProperty("lastUsed")
    long lastUsedAt;

    /** Secret data: the hash of the secret. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Secret {
        @JsonProperty("sha256")
        String sha256;
    }

    /** The data of a stored credential, or null when it is not readable (then it is treated as no trust). */
    static TrustedDevice of(CredentialModel credential) {
        try {
            return credential.getCredentialData() == null ? null
                    : JsonSerialization.readValue(credential.getCredentialData(), TrustedDevice.class);
        } catch (IOException e) {
            return null;
        }
    }

    static String hashOf(CredentialModel credential) {
        try {
            return credential.getSecretData() == null ? null
                    : JsonSerialization.readValue(credential.getSecretData(), Secret.class).sha256;
        } catch (IOException e) {
            return null;
        }
    }

    String toJson() {
        return write(this);
    }

    static String secretJson(String sha256) {
        Secret secret = new Secret();
        secret.sha256 = sha256;
        return write(secret);
    }

    /** The readable label the account console shows: "Chrome · Linux". */
    String label() {
        return browser + " · " + os;
    }

    private static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.vigi2fa.enrol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.keycloak.common.util.SecretGenerator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.dto.OTPCredentialData;
import org.keycloak.models.credential.dto.OTPSecretData;
import org.keycloak.models.utils.Base32;
import org.keycloak.util.JsonSerialization;

/** A new authenticator secret: 160 random bits, kept as Base32 text (what the app gets and what Keycloak stores). */
public final class EnrolmentSecret {

    /** RFC 4226 recommends 160 bits for HMAC-SHA1 keys. */
    static final int SECRET_BYTES = 20;

    private final String base32;

    private EnrolmentSecret(String base32) {
        this.base32 = base32;
    }

    /** Fresh random bytes from Keycloak's secure random. */
    public static EnrolmentSecret generate() {
        return new EnrolmentSecret(Base32.encode(SecretGenerator.getInstance().randomBytes(SECRET_BYTES)));
    }

    /** The secret kept in the authentication session between page loads. */
    public static EnrolmentSecret of(String base32) {
        return new EnrolmentSecret(base32);
    }

    public String base32() {
        return base32;
    }

    /** The Base32 text in groups of four, easier to type into an app by hand. */
    public String grouped() {
        return base32.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** The Key URI authenticator apps read from the QR code (Google's Key-Uri-Format). */
    public String keyUri(OTPPolicy policy, String issuer, String account) {
        String cleanIssuer = issuer.replace(':', ' ');
        String label = encode(cleanIssuer) + ":" + encode(account);
        StringBuilder uri = new StringBuilder("otpauth://").append(policy.getType()).append('/').append(label)
                .append("?secret=").append(base32)
                .append("&issuer=").append(encode(cleanIssuer))
                .append("&algorithm=").append(policy.getAlgorithmKey())
                .append("&digits=").append(policy.getDigits());
        if (OTPCredentialModel.HOTP.equals(policy.getType())) {
            uri.append("&counter=").append(policy.getInitialCounter());
        } else {
            uri.append("&period=").append(policy.getPeriod());
        }
        return uri.toString();
    }

    /**
     * Keycloak's own OTP credential for this secret under the realm policy. The secret is stored as Base32 text with
     * secretEncoding BASE32, so every Keycloak OTP check decodes the same 160 random bits the app holds.
     */
    public OTPCredentialModel credential(OTPPolicy policy, String userLabel) {
        OTPCredentialData data = new OTPCredentialData(policy.getType(), policy.getDigits(), policy.getInitialCounter(),
                policy.getPeriod(), policy.getAlgorithm(), OTPCredentialModel.SecretEncoding.BASE32.name());
        CredentialModel model = new CredentialModel();
        model.setType(OTPCredentialModel.TYPE);
        try {
            model.setCredentialData(JsonSerialization.writeValueAsString(data));
            model.setSecretData(JsonSerialization.writeValueAsString(new OTPSecretData(base32)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        model.setUserLabel(userLabel);
        return OTPCredentialModel.createFromCredentialModel(model);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

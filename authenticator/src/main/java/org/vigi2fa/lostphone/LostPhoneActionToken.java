package org.vigi2fa.lostphone;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.authentication.actiontoken.DefaultActionToken;
import org.vigi2fa.VigiIds;

/** The emailed lost-phone link: user, the OTP credential it was issued for, expiry, the login it came from. */
public final class LostPhoneActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = VigiIds.LOST_PHONE_TOKEN;

    private static final String JSON_FIELD_CREDENTIAL_ID = "cid";

    @JsonProperty(JSON_FIELD_CREDENTIAL_ID)
    private String credentialId;

    public LostPhoneActionToken(String userId, int absoluteExpirationInSecs, String compoundAuthSessionId,
            String credentialId, String clientId) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null, compoundAuthSessionId);
        this.credentialId = credentialId;
        this.issuedFor = clientId;
    }

    /** For JSON deserialization. */
    private LostPhoneActionToken() {
    }

    public String getCredentialId() {
        return credentialId;
    }
}

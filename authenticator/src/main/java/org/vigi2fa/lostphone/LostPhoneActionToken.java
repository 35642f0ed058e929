package org.vigi2fa.lostphone;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.authentication.actiontoken.DefaultActionToken;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.vigi2fa.VigiIds;

/**
 * The emailed lost-phone link: user, the OTP credential it was issued for, the address it was sent to and the
 * password at issue time (like Keycloak's reset token binds the address), expiry, the login it came from.
 */
public final class LostPhoneActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = VigiIds.LOST_PHONE_TOKEN;

    private static final String JSON_FIELD_CREDENTIAL_ID = "cid";
    private static final String JSON_FIELD_PASSWORD_STAMP = "pwd";

    @JsonProperty(JSON_FIELD_CREDENTIAL_ID)
    private String credentialId;

    /** When the password in force at issue time was set (ms); any password change makes the link stale. */
    @JsonProperty(JSON_FIELD_PASSWORD_STAMP)
    private Long passwordStamp;

    private LostPhoneActionToken(String userId, int absoluteExpirationInSecs, String compoundAuthSessionId,
            String credentialId, String clientId) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null, compoundAuthSessionId);
        this.credentialId = credentialId;
        this.issuedFor = clientId;
    }

    /** For JSON deserialization. */
    private LostPhoneActionToken() {
    }

    /** A link for the user's current address and password. */
    static LostPhoneActionToken issue(KeycloakSession session, RealmModel realm, UserModel user, int absoluteExpirationInSecs,
            String compoundAuthSessionId, String credentialId, String clientId) {
        LostPhoneActionToken token = new LostPhoneActionToken(user.getId(), absoluteExpirationInSecs, compoundAuthSessionId,
                credentialId, clientId);
        token.setEmail(user.getEmail());
        token.passwordStamp = passwordStamp(user);
        return token;
    }

    /** Created date of the user's password credential, or null without one. */
    static Long passwordStamp(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(CredentialModel::getCreatedDate).findFirst().orElse(null);
    }

    public String getCredentialId() {
        return credentialId;
    }

    Long getPasswordStamp() {
        return passwordStamp;
    }
}

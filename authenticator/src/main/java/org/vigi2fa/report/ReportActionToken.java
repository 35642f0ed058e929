package org.vigi2fa.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.authentication.actiontoken.DefaultActionToken;
import org.vigi2fa.VigiIds;

/**
 * The "This wasn't me" link: the user and which mail it came in. Not bound to the address (the "e-mail changed" mail
 * goes to the previous one) nor to a login: whoever reads the mail may only make the account safer with it.
 * No client: Keycloak opens it for the realm's system client.
 */
public final class ReportActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = VigiIds.REPORT_TOKEN;

    private static final String JSON_FIELD_KIND = "knd";

    @JsonProperty(JSON_FIELD_KIND)
    private String kind;

    ReportActionToken(String userId, int absoluteExpirationInSecs, String kind) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null);
        this.kind = kind;
    }

    /** For JSON deserialization. */
    private ReportActionToken() {
    }

    /** The mail the link came in (its template name without "vigi-2fa-" and ".ftl"). */
    String getKind() {
        return kind;
    }
}

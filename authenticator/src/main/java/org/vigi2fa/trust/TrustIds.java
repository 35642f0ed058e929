package org.vigi2fa.trust;

/** Ids of the trusted-device capability: credential type, cookie, form field, page attribute, event details, message keys. */
public final class TrustIds {

    /** Credential type of a trusted device; its own type so the account console lists it apart from the authenticator. */
    public static final String CREDENTIAL_TYPE = "vigi-trusted-device";
    /** Provider id of the credential provider of that type. */
    public static final String PROVIDER_ID = "vigi-trusted-device";
    /** Browser-flow step that stands in for the code when the browser is a trusted device (amr without otp). */
    public static final String TRUSTED_DEVICE_AUTHENTICATOR = "vigi-2fa-trusted-device";

    /** Cookie holding "credential id.secret"; scoped to the realm's path. */
    static final String COOKIE = "VIGI_TRUSTED_DEVICE";
    /** Checkbox on the code page: "Don't ask again on this device". */
    static final String FIELD_TRUST = "vigi-trust-device";
    /** Code-page attribute: the number of days offered (absent: no checkbox). */
    static final String ATTR_TRUST_DAYS = "vigiTrustDays";

    /** Value of the vigi_2fa event detail on the events of this capability. */
    static final String EVENT_ADDED = "trusted-device-added";
    static final String EVENT_USED = "trusted-device";
    /** Event detail: id of the trusted-device credential that was added, used or removed. */
    static final String DETAIL_DEVICE = "trusted_device";

    /** Why every trusted device of a user ended (vigi_2fa detail of the REMOVE_CREDENTIAL events). */
    public static final String REVOKED_2FA_OFF = "trusted-device-revoked-2fa-off";
    public static final String REVOKED_NEW_AUTHENTICATOR = "trusted-device-revoked-new-authenticator";
    public static final String REVOKED_PASSWORD = "trusted-device-revoked-password";
    public static final String REVOKED_SIGN_OUT = "trusted-device-revoked-sign-out";
    public static final String REVOKED_ADMIN = "trusted-device-revoked-admin";
    public static final String REVOKED_REPORTED = "trusted-device-revoked-reported-not-me";
    static final String REMOVED_EXPIRED = "trusted-device-expired";
    static final String REMOVED_OVER_LIMIT = "trusted-device-over-limit";

    /** Messages (account console and code page). */
    static final String MSG_DISPLAY_NAME = "vigi2faTrustedDevices";
    static final String MSG_HELP = "vigi2faTrustedDevicesHelp";
    static final String MSG_INFO = "vigi2faTrustedDeviceInfo";

    private TrustIds() {
    }
}

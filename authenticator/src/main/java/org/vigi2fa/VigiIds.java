package org.vigi2fa;

/** Provider ids, template names, form fields and note keys shared by the VIGI 2FA providers. */
public final class VigiIds {

    /** The code step of the browser flow. */
    public static final String CODE_AUTHENTICATOR = "vigi-2fa-code";
    /** kc_action id that turns 2FA on. */
    public static final String ENABLE_ACTION = "vigi-2fa-enable";
    /** kc_action id that turns 2FA off from account settings. */
    public static final String DISABLE_ACTION = "vigi-2fa-disable";
    /** Alias of the authenticator config that holds every VIGI 2FA setting. */
    public static final String SETTINGS_ALIAS = "vigi-2fa-settings";

    public static final String TPL_CODE = "vigi-2fa-code.ftl";
    public static final String TPL_MAIL_ENABLED = "vigi-2fa-enabled.ftl";
    public static final String TPL_MAIL_DISABLED = "vigi-2fa-disabled.ftl";

    /** Form field of the 6-digit code; Keycloak's name, so its templates mark the right input. */
    public static final String FIELD_CODE = "otp";
    /** Form field posted by "Can't use your authenticator app?". */
    public static final String FIELD_LOST_PHONE = "lost-phone";

    /** Event detail naming which VIGI 2FA step produced the event. */
    public static final String EVENT_DETAIL = "vigi_2fa";

    private VigiIds() {
    }

    // Enrol: turning 2FA on (org.vigi2fa.enrol)
    public static final String TPL_ENABLE_CONFIRM = "vigi-2fa-enable-confirm.ftl";
    public static final String TPL_ENABLE_PASSWORD = "vigi-2fa-enable-password.ftl";
    public static final String TPL_ENABLE_SCAN = "vigi-2fa-enable-scan.ftl";
    public static final String TPL_ENABLE_ALREADY = "vigi-2fa-enable-already.ftl";
}

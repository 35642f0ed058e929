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
    public static final String TPL_MAIL_PASSWORD_CHANGED = "vigi-2fa-password-changed.ftl";
    public static final String TPL_MAIL_EMAIL_CHANGED = "vigi-2fa-email-changed.ftl";

    /** Form field of the 6-digit code; Keycloak's name, so its templates mark the right input. */
    public static final String FIELD_CODE = "otp";
    /** Form field posted by "Can't use your authenticator app?". */
    public static final String FIELD_LOST_PHONE = "lost-phone";

    /** Event detail naming which VIGI 2FA step produced the event. */
    public static final String EVENT_DETAIL = "vigi_2fa";

    // login: code step and SSO guard
    /** User-session note: id of the OTP credential this session was verified with (set by the code step, checked on SSO). */
    public static final String NOTE_2FA_CREDENTIAL = "vigi.2fa.credential";
    /** Provider id of the SSO cookie step that refuses sessions not verified with the user's current 2FA. */
    public static final String COOKIE_AUTHENTICATOR = "vigi-2fa-cookie";
    public static final String MSG_CODE_MISSING = "vigi2faCodeMissing";
    public static final String MSG_CODE_FORMAT = "vigi2faCodeFormat";
    /** Code-page attribute: whether "Can't use your authenticator app?" is offered (not in the reset flow). */
    public static final String ATTR_LOST_PHONE_OFFERED = "vigiLostPhoneOffered";
    /** Code-page attribute: message key of the lead text when the page guards something other than sign-in. */
    public static final String ATTR_CODE_INTRO = "vigiCodeIntro";

    // Lost phone and turning 2FA off (Flows 3 and 4)
    public static final String TPL_LOST_SENT = "vigi-2fa-lost-sent.ftl";
    public static final String TPL_LOST_CONFIRM = "vigi-2fa-lost-confirm.ftl";
    public static final String TPL_LOST_DONE = "vigi-2fa-lost-done.ftl";
    public static final String TPL_DISABLE = "vigi-2fa-disable.ftl";
    public static final String TPL_MAIL_LOST_LINK = "vigi-2fa-lost-link.ftl";
    /** Form field of the password on the lost-phone confirm page and the disable page. */
    public static final String FIELD_PASSWORD = "password";
    /** Form field posted by the confirm button of the emailed link's page. */
    public static final String FIELD_LOST_CONFIRM = "confirm";
    /** Action id (token type) of the emailed lost-phone link. */
    public static final String LOST_PHONE_TOKEN = "vigi-2fa-lost-phone";
    /** Keycloak's kc_action id for removing a credential from the account console, taken over for OTP. */
    public static final String DELETE_CREDENTIAL_ACTION = "delete_credential";

    // Enrol: turning 2FA on (org.vigi2fa.enrol)
    public static final String TPL_ENABLE_CONFIRM = "vigi-2fa-enable-confirm.ftl";
    public static final String TPL_ENABLE_PASSWORD = "vigi-2fa-enable-password.ftl";
    public static final String TPL_ENABLE_SCAN = "vigi-2fa-enable-scan.ftl";
    public static final String TPL_ENABLE_ALREADY = "vigi-2fa-enable-already.ftl";

    private VigiIds() {
    }
}

package org.vigi2fa.activity;

/** Kinds of recorded activity, the device cookie, and the provider id of the table. */
public final class ActivityIds {

    /** Provider id of the JPA entity provider (and the tag of its Liquibase changelog). */
    public static final String PROVIDER_ID = "vigi-2fa-activity";
    public static final String CHANGELOG = "META-INF/vigi-2fa-activity-changelog.xml";

    /** A sign-in with the authenticator's code. */
    public static final String KIND_SIGN_IN_CODE = "sign-in-code";
    /** A sign-in with a recovery code. */
    public static final String KIND_SIGN_IN_RECOVERY = "sign-in-recovery-code";
    /** A sign-in a trusted device let through without the code. */
    public static final String KIND_SIGN_IN_TRUSTED = "sign-in-trusted-device";
    /** The user's own password change (also "forgot password"). */
    public static final String KIND_PASSWORD_CHANGED = "password-update";
    /** A verified e-mail change. */
    public static final String KIND_EMAIL_CHANGED = "email-update";

    /** kc_action id of the "Recent security activity" page (account settings). */
    public static final String PAGE_ACTION = "vigi-2fa-activity";
    public static final String TPL_PAGE = "vigi-2fa-activity.ftl";
    /** Days the page looks back, and rows on one page. */
    static final int PAGE_DAYS = 30;
    static final int PAGE_SIZE = 20;
    /** Form fields of the page: the page to show (0 is the newest), and "Back to account settings". */
    static final String FIELD_PAGE = "page";
    static final String FIELD_BACK = "back";
    /** Page attributes: the rows, the page number, whether older or newer rows exist, the report link. */
    static final String ATTR_ROWS = "vigiActivityRows";
    static final String ATTR_PAGE = "vigiActivityPage";
    static final String ATTR_OLDER = "vigiActivityOlder";
    static final String ATTR_NEWER = "vigiActivityNewer";
    /** Message key prefix of a kind in plain words (the kind appended), and the wording of a kind not listed. */
    static final String MSG_KIND_PREFIX = "vigi2faActivity.";
    static final String MSG_KIND_OTHER = "vigi2faActivityOther";

    /** Provider id of the administrators' read of a user's rows: /realms/{realm}/vigi-2fa-activity/users/{id}. */
    public static final String ADMIN_RESOURCE = "vigi-2fa-activity";
    /** The admin API's extension under {@code /admin/realms/{realm}/}: the adoption report. */
    static final String ADMIN_REPORT_RESOURCE = "vigi-2fa";

    /** The new-device mail. */
    public static final String TPL_MAIL_NEW_DEVICE = "vigi-2fa-new-device.ftl";
    public static final String MSG_SUBJECT_NEW_DEVICE = "vigi2faNewDeviceSubject";
    static final String MAIL_APPLICATION = "application";
    static final String MAIL_TIME = "time";
    static final String MAIL_IP = "ipAddress";

    /** Cookie holding this browser's device id: long-lived, HttpOnly, its own (not the trusted-device cookie). */
    static final String DEVICE_COOKIE = "VIGI_DEVICE";
    /** Lifetime of the device cookie: 400 days, the longest browsers keep one. */
    static final int DEVICE_COOKIE_SECONDS = 400 * 86_400;

    private ActivityIds() {
    }
}

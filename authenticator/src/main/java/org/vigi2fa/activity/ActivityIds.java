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

    /** Cookie holding this browser's device id: long-lived, HttpOnly, its own (not the trusted-device cookie). */
    static final String DEVICE_COOKIE = "VIGI_DEVICE";
    /** Lifetime of the device cookie: 400 days, the longest browsers keep one. */
    static final int DEVICE_COOKIE_SECONDS = 400 * 86_400;

    private ActivityIds() {
    }
}

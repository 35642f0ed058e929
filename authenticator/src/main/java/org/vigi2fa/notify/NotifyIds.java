package org.vigi2fa.notify;

/** Templates, subjects, mail attributes, the executor and the event detail of the security mails. */
public final class NotifyIds {

    public static final String TPL_MAIL_ENABLED = "vigi-2fa-enabled.ftl";
    public static final String TPL_MAIL_DISABLED = "vigi-2fa-disabled.ftl";
    public static final String TPL_MAIL_MOVED = "vigi-2fa-moved.ftl";
    public static final String TPL_MAIL_PASSWORD_CHANGED = "vigi-2fa-password-changed.ftl";
    public static final String TPL_MAIL_EMAIL_CHANGED = "vigi-2fa-email-changed.ftl";
    public static final String TPL_MAIL_TRUSTED_DEVICE = "vigi-2fa-trusted-device.ftl";
    public static final String MSG_SUBJECT_ENABLED = "vigi2faEnabledSubject";
    public static final String MSG_SUBJECT_DISABLED = "vigi2faDisabledSubject";
    public static final String MSG_SUBJECT_MOVED = "vigi2faMovedSubject";
    public static final String MSG_SUBJECT_PASSWORD_CHANGED = "vigi2faPasswordChangedSubject";
    public static final String MSG_SUBJECT_EMAIL_CHANGED = "vigi2faEmailChangedSubject";
    public static final String MSG_SUBJECT_TRUSTED_DEVICE = "vigi2faTrustedDeviceSubject";
    /** Mail attributes every VIGI template gets (Keycloak adds realmName, user, locale, url), and the masked new address. */
    public static final String MAIL_USERNAME = "username";
    public static final String MAIL_MASKED_NEW_EMAIL = "maskedNewEmail";
    public static final String MAIL_DEVICE = "device";
    public static final String MAIL_DAYS = "days";
    /** Set on the turned-off mail when an administrator removed the authenticator. */
    public static final String MAIL_BY_ADMINISTRATOR = "byAdministrator";
    /** Name of Keycloak's executor (ExecutorsProvider) that sends the security mails. */
    public static final String MAIL_EXECUTOR = "vigi-2fa-mail";
    public static final String TPL_MAIL_RECOVERY_USED = "vigi-2fa-recovery-used.ftl";
    public static final String MSG_SUBJECT_RECOVERY_USED = "vigi2faRecoveryUsedSubject";
    /** Value of VigiIds.EVENT_DETAIL on the event of a security mail that could not be sent. */
    public static final String EVENT_MAIL_FAILED = "security_mail";
    /** Event detail naming the mail (its template) that could not be sent. */
    public static final String DETAIL_MAIL = "vigi_2fa_mail";

    private NotifyIds() {
    }
}

package org.vigi2fa.report;

/** Ids of "This wasn't me": token type, templates, fields, attributes, message keys, store prefix, event details. */
public final class ReportIds {

    static final String TPL_CONFIRM = "vigi-2fa-report-confirm.ftl";
    static final String TPL_DONE = "vigi-2fa-report-done.ftl";

    /** Mail attribute of the link's lifetime in the block every security mail template ends with (the link: VigiIds). */
    static final String MAIL_LINK_DAYS = "vigiReportDays";

    /** Confirm page: whether confirming also closes the lost-phone path. */
    static final String ATTR_BLOCKS_LOST_PHONE = "vigiBlocksLostPhone";
    /** Done page: whether the next sign-in asks for the code too (2FA is on), so the page says what is true. */
    static final String ATTR_HAS_CODE = "vigiReportHasCode";

    static final String MSG_USED = "vigi2faReportUsed";
    static final String MSG_STALE = "vigi2faReportStale";

    /** User attribute: a new password is due because of a report (the page asking for it says so); gone once chosen. */
    static final String USER_ATTR_NEW_PASSWORD_DUE = "vigi-2fa.reported-new-password";
    /** Lead of Keycloak's new-password page after a report. */
    static final String MSG_NEW_PASSWORD = "vigi2faReportNewPassword";

    /** Single-use-store key prefix of the confirm that consumed a link. */
    static final String CLAIM_KEY_PREFIX = "vigi-2fa-report-confirm.";

    /** Value of VigiIds.EVENT_DETAIL on the event of a confirmed report, and the detail naming the mail reported. */
    public static final String EVENT_REPORTED = "reported-not-me";
    public static final String DETAIL_MAIL_KIND = "vigi_2fa_mail_kind";

    /** Mail kinds (template names without prefix and suffix) whose report also blocks the lost-phone path. */
    static final String KIND_DISABLED = "disabled";
    static final String KIND_EMAIL_CHANGED = "email-changed";

    private ReportIds() {
    }
}

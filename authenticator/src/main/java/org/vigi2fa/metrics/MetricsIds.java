package org.vigi2fa.metrics;

/**
 * The meters' names and their tags, as the Prometheus scrape shows them once Micrometer has turned the dots into
 * underscores and added {@code _total} (docs/metrics.md). Every tag value is one of these constants or a realm name.
 */
public final class MetricsIds {

    static final String METER_ENROLMENTS = "vigi.2fa.enrolments";
    static final String METER_TURN_OFFS = "vigi.2fa.turn.offs";
    static final String METER_SIGN_INS = "vigi.2fa.sign.ins";
    static final String METER_WRONG_CODES = "vigi.2fa.wrong.codes";
    static final String METER_LOCKOUTS = "vigi.2fa.lockouts";
    static final String METER_LOST_PHONE_LINKS = "vigi.2fa.lost.phone.links";
    static final String METER_NOT_ME_REPORTS = "vigi.2fa.not.me.reports";
    static final String METER_SECURITY_MAILS = "vigi.2fa.security.mails";
    static final String METER_CODE_STEP = "vigi.2fa.code.step";

    static final String TAG_REALM = "realm";
    static final String TAG_PATH = "path";
    static final String TAG_FACTOR = "factor";
    static final String TAG_STEP = "step";
    static final String TAG_LOCKOUT = "lockout";
    static final String TAG_OUTCOME = "outcome";
    static final String TAG_MAIL = "mail";

    /** Who turned 2FA off: the user in settings or the account console, the lost-phone link, an administrator. */
    public static final String PATH_SETTINGS = "settings";
    public static final String PATH_LOST_PHONE = "lost_phone";
    public static final String PATH_ADMIN = "admin";

    /** What stood for the second factor at a sign-in. */
    public static final String FACTOR_CODE = "code";
    public static final String FACTOR_RECOVERY_CODE = "recovery_code";
    public static final String FACTOR_TRUSTED_DEVICE = "trusted_device";

    /** Where a wrong code was typed: the sign-in code step, or a page that re-checks the code before a change. */
    public static final String STEP_SIGN_IN = "sign_in";
    public static final String STEP_RE_CHECK = "re_check";

    /** Keycloak's brute-force lock: for a while, or until an administrator lifts it. */
    public static final String LOCKOUT_TEMPORARY = "temporary";
    public static final String LOCKOUT_PERMANENT = "permanent";

    /** A lost-phone link mailed, refused (no mail: paused, reported, unverified address, cooldown, mail failure) or confirmed. */
    public static final String OUTCOME_SENT = "sent";
    public static final String OUTCOME_REFUSED = "refused";
    public static final String OUTCOME_CONFIRMED = "confirmed";
    /** A security mail handed to the mail server, or not. */
    public static final String OUTCOME_FAILED = "failed";

    private MetricsIds() {
    }
}

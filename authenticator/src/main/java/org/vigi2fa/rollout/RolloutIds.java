package org.vigi2fa.rollout;

/** Provider id, settings, user attributes, template, form fields and event details of the rollout policy. */
public final class RolloutIds {

    /** Required action that asks a user the policy covers to turn 2FA on (configured in the admin console). */
    public static final String ACTION = "vigi-2fa-rollout";

    public static final String GROUPS = "groups";
    public static final String ROLES = "roles";
    public static final String CLIENTS = "clients";
    public static final String DEADLINE = "deadline";
    public static final String GRACE_DAYS = "graceDays";
    public static final String POSTPONEMENTS = "postponements";
    static final int DEFAULT_POSTPONEMENTS = 3;

    /** User attributes: when the policy first applied, how often the user postponed, whether 2FA was on while covered. */
    static final String ATTR_SINCE = "vigi-2fa-rollout-since";
    static final String ATTR_POSTPONED = "vigi-2fa-rollout-postponed";
    static final String ATTR_HAD_2FA = "vigi-2fa-rollout-had-2fa";

    /** Auth note: this sign-in was asked already (postponed), so the next required-action round does not ask again. */
    static final String NOTE_ASKED = "vigi-2fa-rollout-asked";

    /** Single-use store prefix and lifetime of one browser's "Remind me later" (a double-click counts once). */
    static final String ONCE_PREFIX = "vigi-2fa-rollout.";
    static final long ONCE_SECONDS = 300;

    static final String TPL_PAGE = "vigi-2fa-rollout.ftl";
    static final String FIELD_NOW = "now";
    static final String FIELD_LATER = "later";
    static final String ATTR_DEADLINE = "vigiRolloutDeadline";
    static final String ATTR_DEADLINE_UTC = "vigiRolloutDeadlineUtc";
    static final String ATTR_LEFT = "vigiRolloutLeft";

    /** Event details (vigi_2fa) of a postponement and of an enrolment the policy required. */
    static final String EVENT_POSTPONED = "rollout-postponed";
    static final String EVENT_FORCED = "rollout-forced";
    static final String EVENT_CHOSEN = "rollout-turn-on-now";

    private RolloutIds() {
    }
}

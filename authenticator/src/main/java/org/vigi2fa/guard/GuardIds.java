package org.vigi2fa.guard;

/** The user attribute and event values of the limit of wrong codes. */
public final class GuardIds {

    /** User attribute {@code <credential id>:<wrong codes in a row>}; another credential's count is no count. */
    public static final String USER_ATTR_WRONG_CODES = "vigi-2fa.wrong-codes";
    /** Event detail value when an authenticator reaches the limit. */
    public static final String EVENT_BLOCKED = "authenticator-blocked";
    public static final String ERROR_BLOCKED = "authenticator_blocked";

    private GuardIds() {
    }
}

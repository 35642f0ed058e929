package org.vigi2fa.credential;

/** Message keys of the authenticator as the account console shows it, and the user attribute of the last sign-in. */
public final class CredentialIds {

    /** Account-theme message keys (themes/vigi/account/messages). */
    public static final String MSG_HELP = "vigi2faAccountHelp";
    /** The info line "Last used {{0, datetime(...)}} to sign in to {{1}}": epoch milliseconds, the browser formats them. */
    public static final String MSG_LAST_USE = "vigi2faAccountLastUse";
    public static final String MSG_NOT_USED_YET = "vigi2faAccountNotUsedYet";
    /** The same lines after a move to a new phone, led by its time ({{0, datetime(...)}}); then the last use, if any. */
    public static final String MSG_MOVED_LAST_USE = "vigi2faAccountMovedLastUse";
    public static final String MSG_MOVED_NOT_USED_YET = "vigi2faAccountMovedNotUsedYet";
    /**
     * User attribute in which releases before the security-activity table kept the last sign-in. No longer read (the
     * table is); the code step removes it at the user's next sign-in.
     */
    public static final String USER_ATTR_LEGACY_LAST_SIGN_IN = "vigi-2fa.last-sign-in";

    private CredentialIds() {
    }
}

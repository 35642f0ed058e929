package org.vigi2fa.accountchange;

/** Ids of password and e-mail changes: the code before an e-mail change, the user attribute of the lost-phone pause. */
public final class AccountChangeIds {

    /** Auth-session note: the current code was given in this e-mail change. */
    public static final String AUTH_NOTE_CODE_OK = "vigi-2fa.email-change.code-ok";
    public static final String EVENT_EMAIL_CODE = "email-change-code";
    public static final String MSG_INTRO = "vigi2faEmailCodeIntro";
    /** Epoch seconds of the last password or e-mail change. */
    public static final String USER_ATTR_CHANGED_AT = "vigi-2fa.changed-at";

    private AccountChangeIds() {
    }
}

package org.vigi2fa;

/**
 * Ids more than one package uses: provider ids (as the realm file names them), the code page every code step
 * renders, shared form fields, the event detail and the user-session note. What one capability alone uses lives
 * beside it (EnrolIds, LostPhoneIds, DisableIds, ...).
 */
public final class VigiIds {

    // Provider ids
    /** The code step of the browser flow. */
    public static final String CODE_AUTHENTICATOR = "vigi-2fa-code";
    /** Provider id of the SSO cookie step that refuses sessions not verified with the user's current 2FA. */
    public static final String COOKIE_AUTHENTICATOR = "vigi-2fa-cookie";
    /** kc_action id that turns 2FA on. */
    public static final String ENABLE_ACTION = "vigi-2fa-enable";
    /**
     * kc_action id that moves 2FA to a new phone (the account console's "Update" of the authenticator, and the turn-on
     * door while 2FA is on: they find the action by this id).
     */
    public static final String MOVE_ACTION = "vigi-2fa-move";
    /** kc_action id that turns 2FA off from account settings. */
    public static final String DISABLE_ACTION = "vigi-2fa-disable";
    /** Keycloak's kc_action id for removing a credential from the account console, taken over for OTP. */
    public static final String DELETE_CREDENTIAL_ACTION = "delete_credential";
    /** Action id (token type) of the emailed lost-phone link. */
    public static final String LOST_PHONE_TOKEN = "vigi-2fa-lost-phone";
    /** Action id (token type) of the "This wasn't me" link every security mail carries (notify/MailLink finds it by this id). */
    public static final String REPORT_TOKEN = "vigi-2fa-not-me";
    /** Alias of the authenticator config that holds every VIGI 2FA setting. */
    public static final String SETTINGS_ALIAS = "vigi-2fa-settings";

    // The code page (sign-in, forgot password, e-mail change)
    public static final String TPL_CODE = "vigi-2fa-code.ftl";
    public static final String MSG_CODE_MISSING = "vigi2faCodeMissing";
    public static final String MSG_CODE_FORMAT = "vigi2faCodeFormat";
    /** The authenticator reached the limit of wrong codes in a row and takes no code until it is rebound. */
    public static final String MSG_AUTHENTICATOR_BLOCKED = "vigi2faAuthenticatorBlocked";
    /** A wrong or already used code, on every page with a code field (sign-in, turn on, turn off, e-mail change). */
    public static final String MSG_CODE_WRONG = "vigi2faCodeWrong";
    /** A wrong password, on every page that re-checks it (turn on, turn off, new recovery codes, an emailed link). */
    public static final String MSG_PASSWORD_WRONG = "vigi2faPasswordWrong";
    /** Brute-force protection holds the account, on every page that re-checks a password or code (guard/Outcome). */
    public static final String MSG_LOCKED = "vigi2faLocked";
    /** Code-field attributes (guard/CodeInput): the policy's digits and the longest input the server reads. */
    public static final String ATTR_CODE_DIGITS = "vigiDigits";
    public static final String ATTR_CODE_MAX_LENGTH = "vigiCodeMaxLength";
    /** Code-page attribute: whether "Can't use your authenticator app?" is offered (not in the reset flow). */
    public static final String ATTR_LOST_PHONE_OFFERED = "vigiLostPhoneOffered";
    /** Code-page attribute: message key of the lead text when the page guards something other than sign-in. */
    public static final String ATTR_CODE_INTRO = "vigiCodeIntro";

    // Form fields
    /** Form field of the 6-digit code; Keycloak's name, so its templates mark the right input. */
    public static final String FIELD_CODE = "otp";
    /** Form field of the password on the lost-phone confirm page and the disable page. */
    public static final String FIELD_PASSWORD = "password";
    /**
     * Hidden field and page attribute of an emailed link's confirm form: an id made when the page is shown, sent again
     * by every submit of that page (a double-click, a resubmit), so those twins see the done page.
     */
    public static final String FIELD_SUBMIT_ID = "vigi_submit";
    public static final String ATTR_SUBMIT_ID = "vigiSubmitId";
    /** Form field posted by the confirm button of an emailed link's page (link/ConfirmedLinkHandler). */
    public static final String FIELD_CONFIRM = "confirm";
    /** Page attribute of a confirm page: where its button posts (link/ActionTokenPost). */
    public static final String ATTR_CONFIRM_URL = "vigiConfirmUrl";
    /** Page attribute: the username of the account a page acts on (confirm pages, the enrolment password page). */
    public static final String ATTR_USERNAME = "vigiUsername";
    /** Page attribute: 2FA is not on, so a turn-off or recovery-codes page shows that instead of its form. */
    public static final String ATTR_NOT_ON = "vigiNotOn";
    /** Page attribute: the address of the "Sign in" button of a page that ends a story (SignInAgain). */
    public static final String ATTR_SIGN_IN_URL = "vigiSignInUrl";

    /**
     * The "This wasn't me" link: the attribute of the block every security mail ends with (notify/MailLink adds it),
     * and of the activity page, which offers the same link beside the rows a person could report.
     */
    public static final String MAIL_REPORT_LINK = "vigiReportLink";

    /** Event detail naming which VIGI 2FA step produced the event. */
    public static final String EVENT_DETAIL = "vigi_2fa";
    /**
     * Event detail value of a move to a new phone: the credential kept its id, so trusted devices stay (trust/) and the
     * activity row reads "moved" (activity/).
     */
    public static final String EVENT_MOVED = "moved";
    /** User-session note: id of the OTP credential this session was verified with (set by the code step, checked on SSO). */
    public static final String NOTE_2FA_CREDENTIAL = "vigi.2fa.credential";

    private VigiIds() {
    }
}

package org.vigi2fa.recovery;

/** Templates, notes, form fields, page attributes, message keys and event details of recovery codes. */
public final class RecoveryIds {

    /** kc_action id of "recovery codes" in account settings: the count left and "generate new codes". */
    public static final String ACTION = "vigi-2fa-recovery-codes";

    static final String TPL_MANAGE = "vigi-2fa-recovery-manage.ftl";
    static final String TPL_CODES = "vigi-2fa-recovery-codes.ftl";
    public static final String TPL_INPUT = "vigi-2fa-recovery-code.ftl";

    /**
     * Auth note: the user proved password and code in this authentication session (sign-in or enrolment), so the
     * codes page needs no second proof. Holds the user id, so a note cannot carry over to another user.
     */
    static final String AUTH_NOTE_VERIFIED = "vigi-2fa-recovery.verified";
    /** Auth note: the user passed the re-check of the manage page; the codes page may be shown. */
    static final String AUTH_NOTE_GRANTED = "vigi-2fa-recovery.granted";

    /** Code page: "Use a recovery code" (shows the input) and the recovery code itself (Keycloak's field name). */
    public static final String FIELD_USE = "use-recovery-code";
    public static final String FIELD_CODE = "recoveryCodeInput";
    /** Lost-phone choice page: "e-mail me a link instead". */
    public static final String FIELD_MAIL_INSTEAD = "lost-phone-mail";
    /** Recovery-code page: back to the authenticator code. */
    public static final String FIELD_BACK = "back-to-code";
    static final String FIELD_GENERATE = "generate";
    static final String FIELD_SAVED = "saved";
    static final String FIELD_SKIP = "skip";
    static final String FIELD_SECOND = "second";

    /** Code page attribute: whether "Use a recovery code" is offered (the user has codes left). */
    public static final String ATTR_OFFERED = "vigiRecoveryOffered";
    public static final String ATTR_NUMBER = "vigiRecoveryNumber";
    public static final String ATTR_LOST_PHONE = "vigiRecoveryLostPhone";
    static final String ATTR_LEFT = "vigiRecoveryLeft";
    static final String ATTR_TOTAL = "vigiRecoveryTotal";
    static final String ATTR_LOW = "vigiRecoveryLow";
    static final String ATTR_NEEDS_PROOF = "vigiRecoveryNeedsProof";
    static final String ATTR_CODES = "vigiRecoveryCodes";
    static final String ATTR_SKIPPABLE = "vigiRecoverySkippable";

    public static final String MSG_MISSING = "vigi2faRecoveryMissing";
    public static final String MSG_MALFORMED = "vigi2faRecoveryMalformed";
    public static final String MSG_WRONG = "vigi2faRecoveryWrong";
    static final String MSG_NOT_ON = "vigi2faRecoveryNotOn";
    static final String MSG_WRONG_SECOND = "vigi2faRecoveryWrongSecond";
    static final String MSG_NOT_SAVED = "vigi2faRecoveryNotSaved";
    /** The account console's row: help text, and the info line "{{0}} of {{1}} left" (i18next placeholders). */
    static final String MSG_ACCOUNT_HELP = "vigi2faRecoveryAccountHelp";
    static final String MSG_ACCOUNT_LEFT = "vigi2faRecoveryAccountLeft";

    /**
     * A new code: 16 characters over 32 symbols, 80 bits (NIST SP 800-63B-4 asks at least 64 for saved recovery codes).
     * No 0, O, 1 or I, so nothing on a printed list reads as another character. Shown as four groups of four, joined by dashes.
     */
    static final int CODE_LENGTH = 16;
    static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /**
     * How each new code is hashed: Keycloak's PBKDF2-HMAC-SHA512 password hashing, a 128-bit salt per code. Codes have
     * fewer than 112 bits, so NIST SP 800-63B-4 and ASVS 5.0 (6.5.2) ask for a salted password hash.
     */
    static final String HASH_ALGORITHM = "pbkdf2-sha512";
    /**
     * Keycloak's own count for this algorithm (OWASP's for PBKDF2-HMAC-SHA512). A sign-in verifies one code, the one
     * Keycloak asks for by number, so an attempt costs what a password check at this count costs; a new set hashes 12
     * codes once (about 2.5 s of one core on the 2-core test machine under load, 0.2 s per code).
     */
    static final int HASH_ITERATIONS = 210_000;

    /** Fewer codes left than this: a reminder after sign-in. */
    static final int LOW = 3;
    /** Label of the stored credential, as the account console lists it. */
    static final String LABEL = "VIGI recovery codes";
    /** Single-use-store key prefix of a code being redeemed (credential id and code number follow). */
    static final String CLAIM_KEY_PREFIX = "vigi-2fa-recovery.";
    /** "I saved them" acted on once per browser tab (a double-click, a resubmit), kept this long. */
    static final String ONCE_KEY_PREFIX = "vigi-2fa-recovery-saved.";
    static final long ONCE_KEEP_SECONDS = 600;
    /** How long a redeemed code's claim is kept: far longer than any request that could still hold the old list. */
    static final long CLAIM_SECONDS = 24 * 3600;

    /** Event detail values (VigiIds.EVENT_DETAIL). */
    public static final String EVENT_USED = "recovery-code";
    static final String EVENT_GENERATED = "recovery-codes-generated";
    static final String EVENT_SKIPPED = "recovery-codes-skipped";
    static final String EVENT_REMOVED = "recovery-codes-removed";
    static final String EVENT_MANAGE = "recovery-codes-manage";
    /** Event detail: codes left after a sign-in with one. */
    public static final String DETAIL_LEFT = "vigi_2fa_recovery_left";

    private RecoveryIds() {
    }
}

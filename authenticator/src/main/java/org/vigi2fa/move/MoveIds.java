package org.vigi2fa.move;

/** Pages, notes, steps, form fields, page attributes, message keys and event details of moving 2FA to a new phone. */
final class MoveIds {

    static final String TPL_PROVE = "vigi-2fa-move-prove.ftl";
    static final String TPL_SCAN = "vigi-2fa-move-scan.ftl";

    static final String AUTH_NOTE_STEP = "vigi-2fa-move.step";
    /** The new phone's secret: made once after the proof, the same on every reload and wrong code. */
    static final String AUTH_NOTE_SECRET = "vigi-2fa-move.secret";
    /** What the proof was given for: the user, the credential and a digest of its secret then (MoveProof). */
    static final String AUTH_NOTE_PROOF = "vigi-2fa-move.proof";

    static final String STEP_PROVE = "prove";
    static final String STEP_SCAN = "new-phone";

    /** Prove page: the old phone's code or a recovery code, in one field (as the recovery-codes page asks). */
    static final String FIELD_SECOND = "proof";
    /** Scan page: the authenticator's name, filled with the current one; Keycloak's set-up form calls it the same. */
    static final String FIELD_NAME = "userLabel";

    /** Scan page: the name shown in its field (the one typed, else the authenticator's own); the rest is enrol/KeyPage's. */
    static final String ATTR_NAME = "vigiMoveName";

    static final String MSG_NOT_ON = "vigi2faMoveNotOn";
    static final String MSG_SECOND_WRONG = "vigi2faMoveSecondWrong";
    /** The authenticator changed (another move finished first, or 2FA went off) between the proof and the new code. */
    static final String MSG_CHANGED = "vigi2faMoveChanged";

    /** Event detail values: a refusal at a step, and the prefix of a cancel followed by its step. */
    static final String EVENT_PROVE = "move-prove";
    static final String EVENT_SCAN = "move-scan";
    static final String EVENT_CANCEL_PREFIX = "move-cancel-";

    /** Single-use-store prefix of a browser's final submit of a move, and how long its twins still hear "done". */
    static final String ONCE_KEY_PREFIX = "vigi-2fa-move-once.";
    static final long ONCE_KEEP_SECONDS = 600;

    /** Single-use-store prefix of the claim that lets one move replace a given secret (MoveClaim). */
    static final String CLAIM_KEY_PREFIX = "vigi-2fa-move-claim.";

    private MoveIds() {
    }
}

package org.vigi2fa.enrol;

import org.keycloak.services.validation.Validation;

/** Notes, steps, form fields, page attributes, message keys and event details of turning 2FA on. */
final class EnrolIds {

    static final String TPL_ENABLE_CONFIRM = "vigi-2fa-enable-confirm.ftl";
    static final String TPL_ENABLE_PASSWORD = "vigi-2fa-enable-password.ftl";
    static final String TPL_ENABLE_SCAN = "vigi-2fa-enable-scan.ftl";
    static final String TPL_ENABLE_ALREADY = "vigi-2fa-enable-already.ftl";

    static final String AUTH_NOTE_STEP = "vigi-2fa-enable.step";
    static final String AUTH_NOTE_SECRET = "vigi-2fa-enable.secret";

    static final String STEP_CONFIRM = "confirm";
    static final String STEP_PASSWORD = "password";
    static final String STEP_SCAN = "scan";
    /** 2FA is on and the "already on" page's "Move to a new phone" was chosen: the move action answers (MoveDoor). */
    static final String STEP_MOVE = "move";

    /** Button of the confirm page. */
    static final String FIELD_CONTINUE = "continue";
    /** Button of the "already on" page. */
    static final String FIELD_DONE = "done";
    /** Button of the "already on" page that moves 2FA to a new phone instead. */
    static final String FIELD_MOVE = "move";
    /** "Already on" page attribute: whether the move is offered. */
    static final String ATTR_MOVE_OFFERED = "vigiMoveOffered";
    static final String FIELD_PASSWORD = Validation.FIELD_PASSWORD;
    /** Optional name of the authenticator on the scan page; Keycloak's own set-up form calls it the same. */
    static final String FIELD_NAME = Validation.FIELD_OTP_LABEL;

    static final String ATTR_APPS = "vigiApps";
    static final String ATTR_QR = "vigiQr";
    static final String ATTR_SECRET = "vigiSecret";
    static final String ATTR_ISSUER = "vigiIssuer";
    static final String ATTR_ACCOUNT = "vigiAccount";
    static final String ATTR_PERIOD = "vigiPeriod";
    static final String ATTR_AUTHENTICATOR_APPS = "vigiAuthenticatorApps";
    /** Scan page: the name typed so far (kept when a wrong code shows the page again) and its longest length. */
    static final String ATTR_NAME = "vigiAuthenticatorName";
    static final String ATTR_NAME_MAX = "vigiAuthenticatorNameMax";

    static final String MSG_PASSWORD_MISSING = "vigi2faEnablePasswordMissing";

    /** Event detail value of the stored credential. */
    static final String EVENT_ENABLED = "enabled";
    /** Event detail prefix of a cancel, followed by the step it happened at. */
    static final String EVENT_CANCEL_PREFIX = "cancel-";

    /** Single-use-store prefix of a browser's last turn-on step, and how long its twins still hear "done". */
    static final String ONCE_KEY_PREFIX = "vigi-2fa-enable-once.";
    /** Single-use-store key prefix of the lock that lets one enrolment of a user finish at a time (EnrolmentLock). */
    static final String LOCK_KEY_PREFIX = "vigi-2fa-enable.";
    static final long ONCE_KEEP_SECONDS = 600;

    private EnrolIds() {
    }
}

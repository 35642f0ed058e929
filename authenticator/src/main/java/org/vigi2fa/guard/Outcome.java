package org.vigi2fa.guard;

import org.keycloak.events.Errors;
import org.vigi2fa.VigiIds;

/**
 * What a re-check of a signed-in user found, and the one wording every page uses for it. A lockout is announced
 * ("Too many failed attempts"), never answered as "wrong": the user is already known on every page that re-checks, and
 * a locked account is not asked for its password or code at all, so the answer tells nothing about them.
 */
public enum Outcome {
    OK(null),
    MISSING(VigiIds.MSG_CODE_MISSING),
    MALFORMED(VigiIds.MSG_CODE_FORMAT),
    WRONG(VigiIds.MSG_CODE_WRONG),
    LOCKED(VigiIds.MSG_LOCKED);

    private final String codeMessage;

    Outcome(String codeMessage) {
        this.codeMessage = codeMessage;
    }

    /** The message key for a code field: nothing typed, not a code, a wrong or used code, or locked. */
    public String codeMessage() {
        return codeMessage;
    }

    /** The message key for a password field: wrong, or locked. */
    public String passwordMessage() {
        return this == LOCKED ? VigiIds.MSG_LOCKED : VigiIds.MSG_PASSWORD_WRONG;
    }

    /** The event error Keycloak's own forms record for this outcome. */
    public String eventError() {
        return this == LOCKED ? Errors.USER_TEMPORARILY_DISABLED : Errors.INVALID_USER_CREDENTIALS;
    }
}

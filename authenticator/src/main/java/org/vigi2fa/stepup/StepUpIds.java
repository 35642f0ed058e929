package org.vigi2fa.stepup;

/** Provider ids, template, form fields and messages of the levels of authentication (acr) and the amr values. */
public final class StepUpIds {

    /** Browser-flow step reached when a client asked level 2 of a user without 2FA. */
    public static final String NEEDED_AUTHENTICATOR = "vigi-2fa-needed";

    public static final String TPL_NEEDED = "vigi-2fa-needed.ftl";
    /** Form field of "Turn on two-factor authentication" on that page. */
    public static final String FIELD_ENABLE = "enable";
    /** Form field of "Not now" on that page: the application hears that its requirement was not met. */
    public static final String FIELD_DECLINE = "decline";
    /** Event detail value when the user declined to turn 2FA on for the application that asked for it. */
    public static final String EVENT_DECLINED = "needed-declined";
    /** Page attribute: the name of the application that asked for 2FA. */
    public static final String ATTR_CLIENT_NAME = "vigiClientName";
    /** Event detail value of the LOGIN event when the user chose to turn 2FA on from that page. */
    public static final String EVENT_NEEDED = "needed-for-client";

    /** The OAuth error of OpenID Connect Core for "Not now" ("Unmet Authentication Requirements"). */
    public static final String ERROR_UNMET = "unmet_authentication_requirements";

    private StepUpIds() {
    }
}

package org.vigi2fa.login;

/** Form fields and messages of the sign-in code step. */
public final class LoginIds {

    /** Form field posted by "Can't use your authenticator app?". */
    public static final String FIELD_LOST_PHONE = "lost-phone";
    /** Keycloak's OTP form posts the chosen credential under this name. */
    public static final String FIELD_SELECTED_CREDENTIAL = "selectedCredentialId";
    public static final String MSG_RESET_INTRO = "vigi2faResetCodeIntro";

    private LoginIds() {
    }
}

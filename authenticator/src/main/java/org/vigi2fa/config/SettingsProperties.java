package org.vigi2fa.config;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The code step's settings as the admin console shows them (gear icon): names, labels, help texts and defaults. */
final class SettingsProperties {

    static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property().name(TwoFactorSettings.LINK_LIFETIME).label("Lost-phone link lifetime (seconds)")
            .helpText("How long the emailed link that turns 2FA off stays valid.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(TwoFactorSettings.DEFAULT_LINK_LIFETIME).add()
            .property().name(TwoFactorSettings.REQUEST_COOLDOWN).label("Lost-phone request cooldown (seconds)")
            .helpText("Minimum time between two lost-phone mails for the same user.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(TwoFactorSettings.DEFAULT_REQUEST_COOLDOWN).add()
            .property().name(TwoFactorSettings.PASSWORD_ELSEWHERE).label("Ask for the password when the link is opened elsewhere")
            .helpText("When the link is opened in a browser without the original login, the user must also type the password.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(true).add()
            .property().name(TwoFactorSettings.ISSUER).label("Issuer shown in the authenticator app")
            .helpText("Name the authenticator app shows next to the account. Empty: the realm's display name.")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(TwoFactorSettings.SIGN_OUT_EVERYWHERE).label("Sign out everywhere when 2FA is turned off")
            .helpText("Revoke every session and every refresh and offline token of the user when 2FA is turned off.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(true).add()
            .property().name(TwoFactorSettings.COOLING_OFF_HOURS).label("Lost-phone pause after a password or e-mail change (hours)")
            .helpText("For this long after the password or the e-mail address of a 2FA user changes, the lost-phone link is "
                    + "refused: a freshly changed factor must not be enough to remove the other one. 0 turns the pause off.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(TwoFactorSettings.DEFAULT_COOLING_OFF_HOURS).add()
            .property().name(TwoFactorSettings.TRUSTED_DEVICE_DAYS).label("\"Don't ask again on this device\" for (days)")
            .helpText("The code page offers to skip the code on this browser for this many days (never the password). 0: off.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(TwoFactorSettings.DEFAULT_TRUSTED_DEVICE_DAYS).add()
            .property().name(TwoFactorSettings.ALWAYS_ASK_CLIENTS).label("Clients that always ask the code")
            .helpText("Client ids, comma-separated, that ask a user with 2FA for the password and a code at every authorization: "
                    + "neither a trusted device nor a single sign-on session replaces them.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(TwoFactorSettings.DEFAULT_ALWAYS_ASK_CLIENTS).add()
            .property().name(TwoFactorSettings.RECOVERY_CODES).label("Recovery codes after turning 2FA on")
            .helpText("Whether the end of turning 2FA on shows a set of one-time recovery codes: required (the user must "
                    + "confirm saving them), optional (the user may skip) or off (users can still make them from settings).")
            .type(ProviderConfigProperty.LIST_TYPE).options(TwoFactorSettings.RECOVERY_REQUIRED, TwoFactorSettings.RECOVERY_OPTIONAL, TwoFactorSettings.RECOVERY_OFF)
            .defaultValue(TwoFactorSettings.RECOVERY_OPTIONAL).add()
            .property().name(TwoFactorSettings.REPORT_LINK_DAYS).label("\"This wasn't me\" link lifetime (days)")
            .helpText("How long the \"This wasn't me\" link in every security mail stays valid. Confirming it signs the user "
                    + "out everywhere, ends trusted devices and asks for a new password at the next sign-in.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(TwoFactorSettings.DEFAULT_REPORT_LINK_DAYS).add()
            .property().name(TwoFactorSettings.ACTIVITY_RETENTION_DAYS).label("Keep security activity for (days)")
            .helpText("How long sign-ins with the code and other security events of a user are kept for the account's "
                    + "activity page and the last sign-in; older rows are deleted by a daily task.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(TwoFactorSettings.DEFAULT_ACTIVITY_RETENTION_DAYS).add()
            .property().name(TwoFactorSettings.NEW_DEVICE_MAIL).label("Mail on a sign-in from a new device")
            .helpText("Mail the user when the authenticator code signs in on a device the account has not used before "
                    + "(not the first device, not a trusted one; at most once a day for a browser that keeps no cookie), "
                    + "with a \"This wasn't me\" link.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(true).add()
            .build();

    private SettingsProperties() {
    }
}

package org.vigi2fa.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.vigi2fa.VigiIds;

/**
 * Every VIGI 2FA setting, read from the config of the code step in the realm's browser flow.
 * Owns the admin-console properties and their defaults so both live in one place.
 */
public final class TwoFactorSettings {

    public static final String LINK_LIFETIME = "linkLifetimeSeconds";
    public static final String REQUEST_COOLDOWN = "requestCooldownSeconds";
    public static final String PASSWORD_ELSEWHERE = "passwordWhenOpenedElsewhere";
    public static final String ISSUER = "issuer";
    public static final String SIGN_OUT_EVERYWHERE = "signOutEverywhere";
    public static final String COOLING_OFF_HOURS = "lostPhoneCoolingOffHours";
    public static final String TRUSTED_DEVICE_DAYS = "trustedDeviceDays";
    public static final String ALWAYS_ASK_CLIENTS = "alwaysAskClients";
    public static final String RECOVERY_CODES = "recoveryCodes";
    public static final String REPORT_LINK_DAYS = "reportLinkDays";
    public static final String ACTIVITY_RETENTION_DAYS = "activityRetentionDays";
    public static final String NEW_DEVICE_MAIL = "newDeviceMail";
    /** Values of {@link #RECOVERY_CODES}: the codes page after enrolment must be passed, may be skipped, or is not shown. */
    public static final String RECOVERY_REQUIRED = "required";
    public static final String RECOVERY_OPTIONAL = "optional";
    public static final String RECOVERY_OFF = "off";

    static final int DEFAULT_LINK_LIFETIME = 600;
    static final int DEFAULT_REQUEST_COOLDOWN = 60;
    static final int DEFAULT_COOLING_OFF_HOURS = 72;
    static final int DEFAULT_TRUSTED_DEVICE_DAYS = 30;
    static final String DEFAULT_ALWAYS_ASK_CLIENTS = "vigi-config-tool";
    static final int DEFAULT_REPORT_LINK_DAYS = 7;
    static final int DEFAULT_ACTIVITY_RETENTION_DAYS = 90;

    /** The admin console's form for these settings (labels, help texts, defaults): {@link SettingsProperties}. */
    public static final List<ProviderConfigProperty> PROPERTIES = SettingsProperties.ALL;

    private final Map<String, String> config;
    private final String realmDisplayName;

    TwoFactorSettings(Map<String, String> config, String realmDisplayName) {
        this.config = config == null ? Map.of() : config;
        this.realmDisplayName = realmDisplayName;
    }

    /** The settings of the realm: the config of the first code step found in its browser flow, else defaults. */
    public static TwoFactorSettings of(RealmModel realm) {
        return RealmLookup.walk(realm).settings();
    }

    /** Whether the realm's browser flow runs the VIGI code step, i.e. the realm uses VIGI 2FA. */
    public static boolean isEnabledIn(RealmModel realm) {
        return RealmLookup.walk(realm).enabled();
    }

    /** {@link #of(RealmModel)}, walking the browser flow once per request (the session) and realm. */
    public static TwoFactorSettings of(KeycloakSession session, RealmModel realm) {
        return RealmLookup.of(session, realm).settings();
    }

    /** {@link #isEnabledIn(RealmModel)}, walking the browser flow once per request (the session) and realm. */
    public static boolean isEnabledIn(KeycloakSession session, RealmModel realm) {
        return RealmLookup.of(session, realm).enabled();
    }

    public int linkLifetimeSeconds() {
        return positiveInt(LINK_LIFETIME, DEFAULT_LINK_LIFETIME);
    }

    public int requestCooldownSeconds() {
        return nonNegativeInt(REQUEST_COOLDOWN, DEFAULT_REQUEST_COOLDOWN);
    }

    public boolean passwordWhenOpenedElsewhere() {
        return bool(PASSWORD_ELSEWHERE, true);
    }

    public boolean signOutEverywhere() {
        return bool(SIGN_OUT_EVERYWHERE, true);
    }

    /** Seconds the lost-phone link stays refused after a password or e-mail change. */
    public long coolingOffSeconds() {
        return nonNegativeInt(COOLING_OFF_HOURS, DEFAULT_COOLING_OFF_HOURS) * 3600L;
    }

    /** Days the "This wasn't me" link of a security mail stays valid (at least 1). */
    public int reportLinkDays() {
        return positiveInt(REPORT_LINK_DAYS, DEFAULT_REPORT_LINK_DAYS);
    }

    /** Days a row of the security activity is kept (at least 1). */
    public int activityRetentionDays() {
        return positiveInt(ACTIVITY_RETENTION_DAYS, DEFAULT_ACTIVITY_RETENTION_DAYS);
    }

    /** Whether a sign-in with the code from a device the user never used before mails the user. */
    public boolean newDeviceMail() {
        return bool(NEW_DEVICE_MAIL, true);
    }

    public int trustedDeviceDays() {
        return nonNegativeInt(TRUSTED_DEVICE_DAYS, DEFAULT_TRUSTED_DEVICE_DAYS);
    }

    /** Client ids for which neither a trusted device nor an SSO session replaces the code (unset: the Config Tool; blank: none). */
    public List<String> alwaysAskClients() {
        return Arrays.stream(config.getOrDefault(ALWAYS_ASK_CLIENTS, DEFAULT_ALWAYS_ASK_CLIENTS).split("[,\\s]+|##"))
                .filter(id -> !id.isBlank()).toList();
    }

    /** Whether this client always asks a 2FA user for the password and a code typed in its own authorization. */
    public boolean alwaysAsks(String clientId) {
        return alwaysAskClients().contains(clientId);
    }

    /** {@link #RECOVERY_REQUIRED}, {@link #RECOVERY_OPTIONAL} (the default, also for unknown values) or {@link #RECOVERY_OFF}. */
    public String recoveryCodes() {
        String value = config.get(RECOVERY_CODES);
        String trimmed = value == null ? "" : value.trim();
        return RECOVERY_REQUIRED.equals(trimmed) || RECOVERY_OFF.equals(trimmed) ? trimmed : RECOVERY_OPTIONAL;
    }

    public String issuer() {
        String value = config.get(ISSUER);
        return value == null || value.isBlank() ? realmDisplayName : value.trim();
    }

    private int positiveInt(String key, int fallback) {
        int value = nonNegativeInt(key, fallback);
        return value > 0 ? value : fallback;
    }

    private int nonNegativeInt(String key, int fallback) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed >= 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private boolean bool(String key, boolean fallback) {
        String value = config.get(key);
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
    }

    /**
     * What one walk of the browser flow tells: whether the code step runs and its settings. Kept as a session attribute,
     * which lives as long as the request, so a flow an administrator changes counts from the next request on.
     */
    private record RealmLookup(boolean enabled, TwoFactorSettings settings) {

        private static final String SESSION_ATTRIBUTE_PREFIX = "vigi-2fa.settings.";

        static RealmLookup of(KeycloakSession session, RealmModel realm) {
            if (session == null) {
                return walk(realm);
            }
            String key = SESSION_ATTRIBUTE_PREFIX + realm.getId();
            RealmLookup lookup = session.getAttribute(key, RealmLookup.class);
            if (lookup == null) {
                lookup = walk(realm);
                session.setAttribute(key, lookup);
            }
            return lookup;
        }

        static RealmLookup walk(RealmModel realm) {
            String display = realm.getDisplayName() != null && !realm.getDisplayName().isBlank()
                    ? realm.getDisplayName() : realm.getName();
            AuthenticationExecutionModel execution = FlowWalk.find(realm, realm.getBrowserFlow(), VigiIds.CODE_AUTHENTICATOR);
            AuthenticatorConfigModel model = execution == null || execution.getAuthenticatorConfig() == null
                    ? null : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig());
            return new RealmLookup(execution != null, new TwoFactorSettings(model == null ? null : model.getConfig(), display));
        }
    }
}

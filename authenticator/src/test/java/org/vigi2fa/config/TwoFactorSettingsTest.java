package org.vigi2fa.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.provider.ProviderConfigProperty;

/** Parsing of the admin-console settings: defaults, good values, bad values fall back to defaults. */
class TwoFactorSettingsTest {

    @Test
    void defaultsWhenNothingIsConfigured() {
        TwoFactorSettings settings = new TwoFactorSettings(null, "VIGI");
        assertEquals(600, settings.linkLifetimeSeconds());
        assertEquals(60, settings.requestCooldownSeconds());
        assertTrue(settings.passwordWhenOpenedElsewhere());
        assertTrue(settings.signOutEverywhere());
        assertEquals("VIGI", settings.issuer());
        assertEquals(72 * 3600L, settings.coolingOffSeconds(), "72 h pause after a password or e-mail change");
    }

    @Test
    void coolingOffIsReadInHoursAndZeroTurnsItOff() {
        assertEquals(3600L, new TwoFactorSettings(Map.of(TwoFactorSettings.COOLING_OFF_HOURS, " 1 "), "VIGI").coolingOffSeconds());
        assertEquals(0L, new TwoFactorSettings(Map.of(TwoFactorSettings.COOLING_OFF_HOURS, "0"), "VIGI").coolingOffSeconds());
        assertEquals(72 * 3600L, new TwoFactorSettings(Map.of(TwoFactorSettings.COOLING_OFF_HOURS, "-5"), "VIGI").coolingOffSeconds(),
                "a negative value falls back to the default");
    }

    @Test
    void configuredValuesAreRead() {
        TwoFactorSettings settings = new TwoFactorSettings(Map.of(
                TwoFactorSettings.LINK_LIFETIME, " 120 ",
                TwoFactorSettings.REQUEST_COOLDOWN, "0",
                TwoFactorSettings.PASSWORD_ELSEWHERE, "false",
                TwoFactorSettings.SIGN_OUT_EVERYWHERE, "FALSE",
                TwoFactorSettings.ISSUER, " TP-Link VIGI "), "VIGI");
        assertEquals(120, settings.linkLifetimeSeconds());
        assertEquals(0, settings.requestCooldownSeconds(), "0 turns the cooldown off");
        assertFalse(settings.passwordWhenOpenedElsewhere());
        assertFalse(settings.signOutEverywhere());
        assertEquals("TP-Link VIGI", settings.issuer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ten", "-5", "1.5", "99999999999"})
    void badNumbersFallBackToDefaults(String bad) {
        TwoFactorSettings settings = new TwoFactorSettings(Map.of(
                TwoFactorSettings.LINK_LIFETIME, bad, TwoFactorSettings.REQUEST_COOLDOWN, bad), "VIGI");
        assertEquals(600, settings.linkLifetimeSeconds());
        assertEquals(60, settings.requestCooldownSeconds());
    }

    @Test
    void zeroLifetimeFallsBackToDefaultBecauseALinkMustLiveSomeTime() {
        assertEquals(600, new TwoFactorSettings(Map.of(TwoFactorSettings.LINK_LIFETIME, "0"), "VIGI").linkLifetimeSeconds());
    }

    @Test
    void blankBooleansKeepTheirSafeDefaults() {
        TwoFactorSettings settings = new TwoFactorSettings(Map.of(
                TwoFactorSettings.PASSWORD_ELSEWHERE, " ", TwoFactorSettings.SIGN_OUT_EVERYWHERE, ""), "VIGI");
        assertTrue(settings.passwordWhenOpenedElsewhere());
        assertTrue(settings.signOutEverywhere());
    }

    @Test
    void blankIssuerUsesTheRealmName() {
        assertEquals("VIGI", new TwoFactorSettings(Map.of(TwoFactorSettings.ISSUER, "  "), "VIGI").issuer());
    }

    @Test
    void trustedDevicesDefaultToThirtyDaysAndTheConfigToolAlwaysAsks() {
        TwoFactorSettings defaults = new TwoFactorSettings(null, "VIGI");
        assertEquals(30, defaults.trustedDeviceDays());
        assertEquals(List.of("vigi-config-tool"), defaults.alwaysAskClients());
        TwoFactorSettings set = new TwoFactorSettings(Map.of(TwoFactorSettings.TRUSTED_DEVICE_DAYS, "0",
                TwoFactorSettings.ALWAYS_ASK_CLIENTS, " vigi-config-tool, vms-local ##vigi-app "), "VIGI");
        assertEquals(0, set.trustedDeviceDays(), "0 turns trusted devices off");
        assertEquals(List.of("vigi-config-tool", "vms-local", "vigi-app"), set.alwaysAskClients());
        assertEquals(List.of(), new TwoFactorSettings(Map.of(TwoFactorSettings.ALWAYS_ASK_CLIENTS, " "), "VIGI").alwaysAskClients(),
                "blank: no client always asks");
        assertEquals(30, new TwoFactorSettings(Map.of(TwoFactorSettings.TRUSTED_DEVICE_DAYS, "-1"), "VIGI").trustedDeviceDays());
    }

    @Test
    void everySettingHasLabelHelpTextAndType() {
        Set<String> names = TwoFactorSettings.PROPERTIES.stream().map(ProviderConfigProperty::getName).collect(Collectors.toSet());
        assertEquals(Set.of(TwoFactorSettings.LINK_LIFETIME, TwoFactorSettings.REQUEST_COOLDOWN, TwoFactorSettings.PASSWORD_ELSEWHERE,
                TwoFactorSettings.ISSUER, TwoFactorSettings.SIGN_OUT_EVERYWHERE, TwoFactorSettings.COOLING_OFF_HOURS,
                TwoFactorSettings.TRUSTED_DEVICE_DAYS, TwoFactorSettings.ALWAYS_ASK_CLIENTS,
                TwoFactorSettings.RECOVERY_CODES, TwoFactorSettings.REPORT_LINK_DAYS,
                TwoFactorSettings.ACTIVITY_RETENTION_DAYS, TwoFactorSettings.NEW_DEVICE_MAIL), names);
        for (ProviderConfigProperty property : TwoFactorSettings.PROPERTIES) {
            assertFalse(property.getLabel() == null || property.getLabel().isBlank(), property.getName());
            assertFalse(property.getHelpText() == null || property.getHelpText().isBlank(), property.getName());
            assertFalse(property.getType() == null, property.getName());
        }
    }

    @Test
    void recoveryCodesDefaultToOptionalAlsoForUnknownValues() {
        assertEquals("optional", new TwoFactorSettings(Map.of(), "VIGI").recoveryCodes());
        assertEquals("optional", new TwoFactorSettings(Map.of(TwoFactorSettings.RECOVERY_CODES, "sometimes"), "VIGI").recoveryCodes());
        assertEquals("required", new TwoFactorSettings(Map.of(TwoFactorSettings.RECOVERY_CODES, " required "), "VIGI").recoveryCodes());
        assertEquals("off", new TwoFactorSettings(Map.of(TwoFactorSettings.RECOVERY_CODES, "off"), "VIGI").recoveryCodes());
    }

    @Test
    void reportLinkLastsSevenDaysUnlessAPositiveNumberIsSet() {
        assertEquals(7, new TwoFactorSettings(null, "VIGI").reportLinkDays());
        assertEquals(3, new TwoFactorSettings(Map.of(TwoFactorSettings.REPORT_LINK_DAYS, " 3 "), "VIGI").reportLinkDays());
        assertEquals(7, new TwoFactorSettings(Map.of(TwoFactorSettings.REPORT_LINK_DAYS, "0"), "VIGI").reportLinkDays());
        assertEquals(90, new TwoFactorSettings(null, "VIGI").activityRetentionDays());
        assertEquals(90, new TwoFactorSettings(Map.of(TwoFactorSettings.ACTIVITY_RETENTION_DAYS, "0"), "VIGI").activityRetentionDays());
        assertEquals(30, new TwoFactorSettings(Map.of(TwoFactorSettings.ACTIVITY_RETENTION_DAYS, "30"), "VIGI").activityRetentionDays());
        assertTrue(new TwoFactorSettings(null, "VIGI").newDeviceMail(), "the new-device mail is on by default");
        assertFalse(new TwoFactorSettings(Map.of(TwoFactorSettings.NEW_DEVICE_MAIL, "false"), "VIGI").newDeviceMail());
        assertEquals(7, new TwoFactorSettings(Map.of(TwoFactorSettings.REPORT_LINK_DAYS, "a week"), "VIGI").reportLinkDays());
    }
}

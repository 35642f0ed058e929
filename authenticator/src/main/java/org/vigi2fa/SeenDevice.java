package org.vigi2fa;

import org.keycloak.device.DeviceRepresentationProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.account.DeviceRepresentation;

/** Browser and operating system of this request, from Keycloak's user-agent parser (the account console's device list uses it too). */
public record SeenDevice(String browser, String os) {

    public static SeenDevice of(KeycloakSession session) {
        DeviceRepresentationProvider parser = session.getProvider(DeviceRepresentationProvider.class);
        DeviceRepresentation seen = parser == null ? null : parser.deviceRepresentation();
        String browser = seen == null || seen.getBrowser() == null ? DeviceRepresentation.UNKNOWN : seen.getBrowser();
        // "Chrome/120.0.0" is shown as "Chrome": a version says nothing to a person
        return new SeenDevice(browser.contains("/") ? browser.substring(0, browser.indexOf('/')) : browser,
                seen == null || seen.getOs() == null ? DeviceRepresentation.UNKNOWN : seen.getOs());
    }

    /** "Chrome on Android". */
    public String label() {
        return browser + " on " + os;
    }
}

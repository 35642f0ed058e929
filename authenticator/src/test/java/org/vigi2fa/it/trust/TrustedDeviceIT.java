package org.vigi2fa.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.trust.TrustSupport.assertAsked;
import static org.vigi2fa.it.trust.TrustSupport.assertCodePageWithoutTheBox;
import static org.vigi2fa.it.trust.TrustSupport.assertNotOffered;
import static org.vigi2fa.it.trust.TrustSupport.assertSkipped;
import static org.vigi2fa.it.trust.TrustSupport.assertTrusted;
import static org.vigi2fa.it.trust.TrustSupport.device;
import static org.vigi2fa.it.trust.TrustSupport.devices;
import static org.vigi2fa.it.trust.TrustSupport.trust;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** "Don't ask again on this device": the code is skipped on that browser, for that user, for sign-ins that allow it. */
@VigiTest
class TrustedDeviceIT {

    @Test
    void theCodeIsSkippedOnlyOnTheTrustedDevice(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("trusted");
        TrustSupport.Trusted trusted = trust(env, enrolled);

        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD);
        Page afterPassword = TrustSupport.afterPassword(device(env, trusted.cookie()), request, enrolled.user());
        assertSkipped(env, request, afterPassword, enrolled.user());
        // another browser of the same user is asked
        Page other = Flows.passwordStep(new WebSession(env.baseUrl()), new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), enrolled.user());
        Flows.assertPage(other, Flows.CODE_PAGE);

        List<CredentialRepresentation> stored = devices(env, enrolled.user().id());
        assertEquals(1, stored.size());
        assertFalse(stored.get(0).getUserLabel().isBlank(), "a readable label");
        assertNull(stored.get(0).getSecretData(), "the admin API shows no secret");
        assertFalse(trusted.cookie().contains(stored.get(0).getCredentialData()), "the cookie is not the stored data");
        assertEquals(1, env.inbox().to(enrolled.user().email(), "skips the 2FA code").size(), "new-trusted-device mail");
        assertTrue(env.inbox().to(enrolled.user().email(), "skips the 2FA code").get(0).reportLink().isPresent(), "\"This wasn't me\" link");
        assertEquals("trusted-device-added", event(env, enrolled, "UPDATE_CREDENTIAL", "trusted-device-added").getDetails().get("vigi_2fa"));
        assertEquals(stored.get(0).getId(), event(env, enrolled, "LOGIN", "trusted-device").getDetails().get("trusted_device"));
    }

    @Test
    void anotherUsersCookieGivesNothing(VigiEnvironment env) {
        TrustSupport.Trusted x = trust(env, env.newUserWithOtp("trust-x"));
        EnrolledUser y = env.newUserWithOtp("trust-y");
        assertAsked(env, x.cookie(), y.user());
        assertTrusted(env, x.cookie(), x.enrolled().user());
    }

    @Test
    void aStolenCookieAloneGivesNothing(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("stolen"));
        WebSession thief = device(env, trusted.cookie());
        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD);
        Page login = thief.get(request.url());
        Flows.assertPage(login, "login-login");
        Page wrong = Flows.password(thief, login, trusted.enrolled().user().username(), "not-the-password");
        Flows.assertPage(wrong, "login-login");
        assertFalse(wrong.isRedirect());
    }

    @Test
    void forgedAndMalformedCookiesAreIgnored(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("forged"));
        String id = devices(env, trusted.enrolled().user().id()).get(0).getId();
        String realSecret = trusted.cookie().substring(trusted.cookie().indexOf('.') + 1);
        for (String forged : List.of(id + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", id + "." + realSecret.substring(1),
                "garbage", ".", id + ".", "." + realSecret, "x".repeat(500), id + "." + realSecret + "x")) {
            Page page = assertAsked(env, forged, trusted.enrolled().user());
            assertTrue(page.status() < 500, page.toString());
        }
        assertTrusted(env, trusted.cookie(), trusted.enrolled().user());
    }

    @Test
    void theConfigToolAlwaysAsks(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("configtool"));
        OAuth oauth = new OAuth(env.realmUrl());
        JsonNode deviceGrant = oauth.deviceAuthorization(VigiClient.CONFIG_TOOL);
        WebSession browser = device(env, trusted.cookie());
        Page page = Flows.password(browser, browser.get(deviceGrant.get("verification_uri_complete").asText()),
                trusted.enrolled().user().username(), trusted.enrolled().user().password());
        assertCodePageWithoutTheBox(page, "an always-ask client");
    }

    @Test
    void anAlwaysAskSettingCoversTheClientsItNames(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("alwaysask"));
        VigiSettings.with(env, Map.of("alwaysAskClients", "vigi-config-tool, vms-cloud"),
                () -> assertAsked(env, trusted.cookie(), trusted.enrolled().user()));
        assertTrusted(env, trusted.cookie(), trusted.enrolled().user());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"prompt,login", "max_age,0", "acr_values,1", "acr_values,gold"})
    void stepUpRequestsIgnoreTrust(String parameter, String value, VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("stepup"));
        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD, parameter, value);
        Page page = TrustSupport.afterPassword(device(env, trusted.cookie()), request, trusted.enrolled().user());
        assertCodePageWithoutTheBox(page, "a step-up request");
    }

    @Test
    void settingZeroHidesTheBoxAndIgnoresTrust(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("trustoff"));
        VigiSettings.with(env, Map.of("trustedDeviceDays", "0"),
                () -> assertNotOffered(assertAsked(env, trusted.cookie(), trusted.enrolled().user()), "the setting is 0"));
    }

    @Test
    void trustEndsWhenItExpiresAndIsCleanedUp(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("expiry"));
        try {
            env.moveClock(29 * 86_400);
            assertTrusted(env, trusted.cookie(), trusted.enrolled().user());
            env.moveClock(31 * 86_400);
            assertAsked(env, trusted.cookie(), trusted.enrolled().user());
        } finally {
            env.moveClock(0);
        }
        assertTrue(devices(env, trusted.enrolled().user().id()).isEmpty(), "the expired device was removed when seen");
        assertEquals("trusted-device-expired", event(env, trusted.enrolled(), "REMOVE_CREDENTIAL", "trusted-device-expired").getDetails().get("vigi_2fa"));
    }

    @Test
    void theForgotPasswordCodePageOffersNoTrust(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("resettrust");
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = org.vigi2fa.it.accountchange.AccountChangeSupport.openResetLink(env, browser,
                new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), enrolled.user());
        Flows.assertPage(codePage, Flows.CODE_PAGE);
        assertNotOffered(codePage, "the reset flow");
    }

    static EventRepresentation event(VigiEnvironment env, EnrolledUser enrolled, String type, String vigiDetail) {
        return LostPhoneSupport.events(env, enrolled.user().id(), type).stream()
                .filter(e -> e.getDetails() != null && vigiDetail.equals(e.getDetails().get("vigi_2fa"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event with vigi_2fa=" + vigiDetail));
    }
}

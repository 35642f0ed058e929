package org.vigi2fa.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.trust.TrustSupport.assertAsked;
import static org.vigi2fa.it.trust.TrustSupport.device;
import static org.vigi2fa.it.trust.TrustSupport.devices;
import static org.vigi2fa.it.trust.TrustSupport.trust;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.vigi2fa.it.accountchange.AccountChangeSupport;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Every security event ends every trusted device of the user; the old cookie, replayed afterwards, is asked the code. */
@VigiTest
class TrustRevocationIT {

    private static final String NEW_PASSWORD = "Another-Horse-77";

    @Test
    void turningTwoFactorOffFromSettingsEndsTrust(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("revoke-off"));
        EnrolledUser enrolled = trusted.enrolled();
        WebSession browser = signedInWithCookie(env, trusted);
        Page page = browser.get(new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-disable").url());
        Page end = browser.submit(page.form("#vigi-disable-form"), Map.of("password", enrolled.user().password(), "otp", enrolled.totp().now(1)));
        assertEquals("success", end.redirectParams().get("kc_action_status"), end.toString());
        assertRevoked(env, trusted, "trusted-device-revoked-2fa-off");
    }

    @Test
    void theLostPhoneLinkEndsTrust(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("revoke-lost"));
        WebSession browser = new WebSession(env.baseUrl());
        LostPhoneSupport.requestLink(env, browser, VigiClient.VMS_CLOUD, trusted.enrolled());
        Page confirm = browser.get(env.inbox().latestActionLink(trusted.enrolled().user().email()));
        Flows.assertPage(browser.submit(confirm.form("#vigi-lost-confirm-form"), Map.of()), "login-vigi-2fa-lost-done");
        assertRevoked(env, trusted, "trusted-device-revoked-2fa-off");
    }

    @Test
    void aCookieFromBeforeAReEnrolmentIsDead(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("revoke-reenrol"));
        LostPhoneSupport.reEnrol(env, trusted.enrolled());
        assertAsked(env, trusted.cookie(), trusted.enrolled().user());
    }

    @Test
    void resettingThePasswordEndsTrust(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("revoke-reset"));
        EnrolledUser enrolled = trusted.enrolled();
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = AccountChangeSupport.openResetLink(env, browser, new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), enrolled.user());
        Page newPassword = Flows.code(browser, codePage, enrolled.totp().now(1));
        AccountChangeSupport.newPassword(browser, newPassword, NEW_PASSWORD);
        assertTrue(devices(env, enrolled.user().id()).isEmpty(), "devices removed");
        assertAsked(env, trusted.cookie(), withNewPassword(enrolled.user()));
        TrustedDeviceIT.event(env, enrolled, "REMOVE_CREDENTIAL", "trusted-device-revoked-password");
    }

    @Test
    void anAdministratorsPasswordResetEndsTrust(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("revoke-adminpw"));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(NEW_PASSWORD);
        password.setTemporary(false);
        env.realm().users().get(trusted.enrolled().user().id()).resetPassword(password);
        assertAsked(env, trusted.cookie(), withNewPassword(trusted.enrolled().user()));
        assertTrue(devices(env, trusted.enrolled().user().id()).isEmpty());
    }

    @Test
    void anAdministratorRemovingTheAuthenticatorEndsTrust(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("revoke-adminotp"));
        String otpId = env.otpCredentials(trusted.enrolled().user().id()).get(0).getId();
        env.realm().users().get(trusted.enrolled().user().id()).removeCredential(otpId);
        assertRevoked(env, trusted, "trusted-device-revoked-admin");
    }

    @Test
    void anAdministratorsSignOutEndsTrust(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("revoke-signout"));
        env.realm().users().get(trusted.enrolled().user().id()).logout();
        assertTrue(devices(env, trusted.enrolled().user().id()).isEmpty());
        assertAsked(env, trusted.cookie(), trusted.enrolled().user());
    }

    @Test
    void theRealmsNotBeforeEndsTrust(VigiEnvironment env) throws Exception {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("revoke-notbefore"));
        int previous = env.realm().toRepresentation().getNotBefore();
        Thread.sleep(1100); // not-before has whole seconds: let the device be older than it
        RealmRepresentation change = new RealmRepresentation();
        change.setNotBefore(Time.currentTime());
        env.realm().update(change);
        try {
            assertAsked(env, trusted.cookie(), trusted.enrolled().user());
        } finally {
            RealmRepresentation restore = new RealmRepresentation();
            restore.setNotBefore(previous);
            env.realm().update(restore);
        }
    }

    @Test
    void removingItInTheAccountConsoleEndsTrust(VigiEnvironment env) {
        TrustSupport.Trusted trusted = trust(env, env.newUserWithOtp("revoke-console"));
        String deviceId = devices(env, trusted.enrolled().user().id()).get(0).getId();
        WebSession browser = signedInWithCookie(env, trusted);
        // what the account console's "Delete" starts: Keycloak's own delete_credential action and page
        Page page = browser.get(new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD, "kc_action", "delete_credential:" + deviceId).url());
        Flows.assertPage(page, "login-delete-credential");
        Page end = browser.submit(page.form("form:has(#kc-accept)"), Map.of("accept", ""));
        assertEquals("success", end.redirectParams().get("kc_action_status"), end.toString());
        assertTrue(devices(env, trusted.enrolled().user().id()).isEmpty());
        assertAsked(env, trusted.cookie(), trusted.enrolled().user());
    }

    /** A browser with the cookie that signed in with the password alone (its SSO session is then open). */
    private static WebSession signedInWithCookie(VigiEnvironment env, TrustSupport.Trusted trusted) {
        WebSession browser = device(env, trusted.cookie());
        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD);
        TrustSupport.assertSkipped(env, request, TrustSupport.afterPassword(browser, request, trusted.enrolled().user()), trusted.enrolled().user());
        return browser;
    }

    /** 2FA is off (no code step at all): the device is gone, and once 2FA is back the old cookie is asked the code. */
    private static void assertRevoked(VigiEnvironment env, TrustSupport.Trusted trusted, String reason) {
        assertTrue(devices(env, trusted.enrolled().user().id()).isEmpty(), "devices removed");
        TrustedDeviceIT.event(env, trusted.enrolled(), "REMOVE_CREDENTIAL", reason);
        env.addOtp(trusted.enrolled().user().id());
        assertAsked(env, trusted.cookie(), trusted.enrolled().user());
    }

    private static TestUser withNewPassword(TestUser user) {
        return new TestUser(user.id(), user.username(), user.email(), NEW_PASSWORD);
    }
}

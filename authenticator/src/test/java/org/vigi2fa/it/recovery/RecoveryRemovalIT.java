package org.vigi2fa.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.it.recovery.RecoverySupport.Seeded;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.RecoverySeed;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.VigiClient;

/** Recovery codes go with the authenticator, on every path that turns 2FA off; turning it on again gives a new set. */
@VigiTest
class RecoveryRemovalIT {

    @Test
    void turningTwoFactorOffInSettingsRemovesTheCodes(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-off-settings", 12);
        Page end = turnOffInSettings(env, seeded);
        assertTrue(end.isRedirect(), end + " " + end.text());
        assertTrue(env.otpCredentials(seeded.enrolled().user().id()).isEmpty());
        assertTrue(RecoverySeed.stored(env, seeded.enrolled().user().id()).isEmpty(), "no recovery codes without 2FA");
        assertEquals(1, RecoverySupport.events(env, seeded.enrolled().user().id(), "REMOVE_CREDENTIAL", "recovery-codes-removed").size());
    }

    @Test
    void theLostPhoneLinkRemovesTheCodes(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-off-link", 12);
        WebSession browser = new WebSession(env.baseUrl());
        Page codePage = LostPhoneSupport.codePage(env, browser, VigiClient.VMS_CLOUD, seeded.enrolled());
        Page choice = LostPhoneSupport.clickLostPhone(browser, codePage);
        Flows.assertPage(browser.submit(choice.form("#vigi-lost-phone-form"), Map.of()), "login-vigi-2fa-lost-sent");
        Page confirm = browser.get(env.inbox().latestActionLink(seeded.enrolled().user().email()));
        Page done = browser.submit(confirm.form("#vigi-lost-confirm-form"), Map.of());
        assertTrue(done.status() < 400, done.toString());
        assertTrue(env.otpCredentials(seeded.enrolled().user().id()).isEmpty(), done.text());
        assertTrue(RecoverySeed.stored(env, seeded.enrolled().user().id()).isEmpty(), "no recovery codes without 2FA");
    }

    @Test
    void reEnrolmentIssuesANewSet(VigiEnvironment env) {
        RecoverySupport.withSetting(env, "optional", () -> {
            Seeded seeded = RecoverySupport.user(env, "rc-reenrol", 12);
            turnOffInSettings(env, seeded);

            RecoveryEnrolIT.Walk walk = RecoveryEnrolIT.Walk.toCodesPage(env, seeded.enrolled().user());
            assertTrue(RecoverySupport.shownCodes(walk.codesPage).stream().noneMatch(seeded.codes().codes()::contains), "a new list");
            assertTrue(RecoverySupport.saved(walk.browser, walk.codesPage).isRedirect());
            assertEquals(12, RecoverySupport.left(env, seeded.enrolled().user().id()));
        });
    }

    /** Signs in with the code, then turns 2FA off in settings with password and the next code: the page it ends on. */
    private static Page turnOffInSettings(VigiEnvironment env, Seeded seeded) {
        SignedIn signedIn = seeded.signedIn(env);
        Page disable = signedIn.startAction("vigi-2fa-disable");
        return signedIn.browser().submit(disable.form("#vigi-disable-form"),
                Map.of("password", seeded.enrolled().user().password(), "otp", seeded.enrolled().totp().now(1)));
    }
}

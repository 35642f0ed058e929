package org.vigi2fa.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.testing.Flows.assertRefused;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.it.recovery.RecoverySupport.Seeded;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** Account settings: codes left, "generate new codes" after password + code (which voids the old set), the reminder. */
@VigiTest
class RecoveryManageIT {

    @Test
    void regenerationNeedsPasswordAndCodeAndVoidsTheOldSet(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-regen", 12);
        SignedIn signedIn = seeded.signedIn(env);
        WebSession browser = signedIn.browser();
        Page manage = signedIn.startAction(RecoverySupport.ACTION);
        Flows.assertPage(manage, RecoverySupport.PAGE_MANAGE);
        assertTrue(manage.text().contains("You have 12 of 12 recovery codes left."), manage.text());

        Page wrongPassword = RecoverySupport.generate(browser, manage, "not-the-password", seeded.enrolled().totp().now(1));
        assertRefused(wrongPassword, "That password is not correct. Please try again.");
        BruteForce.of(env, seeded.enrolled().user().id()).awaitFailures(1);
        BruteForce.nextAttempt();
        Page wrongCode = RecoverySupport.generate(browser, wrongPassword, seeded.enrolled().user().password(), seeded.enrolled().totp().wrongNow());
        assertRefused(wrongCode, "The code is not right.");
        BruteForce.of(env, seeded.enrolled().user().id()).awaitFailures(2);
        assertEquals(12, RecoverySupport.left(env, seeded.enrolled().user().id()), "refusals change nothing");

        BruteForce.nextAttempt();
        Page codes = RecoverySupport.generate(browser, wrongCode, seeded.enrolled().user().password(), seeded.enrolled().totp().now(1));
        List<String> fresh = RecoverySupport.shownCodes(codes);
        Page end = RecoverySupport.saved(browser, codes);
        assertTrue(end.isRedirect(), end.toString());
        assertEquals("success", end.redirectParams().get("kc_action_status"));

        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest old = oauth.authRequest(VigiClient.VMS_LOCAL);
        WebSession other = new WebSession(env.baseUrl());
        assertRefused(RecoverySupport.signIn(other, old, seeded.enrolled().user(), seeded.codes().number(1)), RecoverySupport.WRONG);
        OAuth.AuthRequest renewed = oauth.authRequest(VigiClient.VMS_LOCAL);
        WebSession third = new WebSession(env.baseUrl());
        BruteForce.nextAttempt();
        assertEquals(200, Flows.tokens(oauth, renewed, RecoverySupport.signIn(third, renewed, seeded.enrolled().user(), fresh.get(0)))
                .get("status").asInt());
    }

    @Test
    void aRecoveryCodeCanStandInForTheAuthenticatorCode(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-regen-rc", 12);
        SignedIn signedIn = seeded.signedIn(env);
        Page manage = signedIn.startAction(RecoverySupport.ACTION);
        Page codes = RecoverySupport.generate(signedIn.browser(), manage, seeded.enrolled().user().password(), seeded.codes().number(1).toLowerCase());
        RecoverySupport.shownCodes(codes);
    }

    @Test
    void keycloaksOwnSetUpActionAsksForTheSameProof(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-kc-action", 12);
        SignedIn signedIn = seeded.signedIn(env);
        WebSession browser = signedIn.browser();
        Page page = signedIn.startAction("CONFIGURE_RECOVERY_AUTHN_CODES");
        Flows.assertPage(page, RecoverySupport.PAGE_MANAGE);
        assertNotNull(page.document().selectFirst("#password"), "the password is asked");
        Page forged = browser.submit(page.form("#vigi-recovery-manage-form"), Map.of("generate", "true", "saved", "on"));
        Flows.assertPage(forged, RecoverySupport.PAGE_MANAGE);
        assertEquals(12, RecoverySupport.left(env, seeded.enrolled().user().id()), "nothing replaced without the proof");
    }

    @Test
    void fewerThanThreeLeftRemindsAfterSignIn(VigiEnvironment env) {
        Seeded seeded = RecoverySupport.user(env, "rc-low", 3);
        OAuth oauth = new OAuth(env.realmUrl());

        // three left: no reminder
        assertEquals(200, Flows.signInWithCode(oauth, new WebSession(env.baseUrl()), oauth.authRequest(VigiClient.VMS_CLOUD),
                seeded.enrolled().user(), seeded.enrolled().totp().now()).get("status").asInt());

        // signing in with one leaves two: the reminder, and "not now" goes on to the client
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        WebSession browser = new WebSession(env.baseUrl());
        Page reminder = RecoverySupport.signIn(browser, request, seeded.enrolled().user(), seeded.codes().number(1));
        Flows.assertPage(reminder, RecoverySupport.PAGE_MANAGE);
        assertNotNull(reminder.document().selectFirst("#vigi-recovery-low"), "the low-count warning");
        assertTrue(reminder.text().contains("You have 2 of 3 recovery codes left."), reminder.text());
        assertNull(reminder.document().selectFirst("#password"), "this sign-in just proved password and code");
        Page end = browser.submit(reminder.form("#vigi-recovery-manage-form"), Map.of("skip", "true"));
        assertEquals(200, Flows.tokens(oauth, request, end).get("status").asInt());

        // the next sign-in reminds again; "generate new codes" goes straight to the list
        OAuth.AuthRequest next = oauth.authRequest(VigiClient.VMS_CLOUD);
        WebSession other = new WebSession(env.baseUrl());
        Page again = Flows.code(other, Flows.codePage(other, next, seeded.enrolled().user()), seeded.enrolled().totp().now(1));
        Flows.assertPage(again, RecoverySupport.PAGE_MANAGE);
        Page codes = other.submit(again.form("#vigi-recovery-manage-form"), Map.of("generate", "true"));
        RecoverySupport.shownCodes(codes);
        assertEquals(200, Flows.tokens(oauth, next, RecoverySupport.saved(other, codes)).get("status").asInt());
        assertEquals(12, RecoverySupport.left(env, seeded.enrolled().user().id()));
    }
}

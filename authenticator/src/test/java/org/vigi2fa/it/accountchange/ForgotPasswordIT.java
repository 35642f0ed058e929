package org.vigi2fa.it.accountchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigi2fa.it.accountchange.AccountChangeSupport.NEW_PASSWORD;
import static org.vigi2fa.it.accountchange.AccountChangeSupport.newPassword;
import static org.vigi2fa.it.accountchange.AccountChangeSupport.openResetLink;
import static org.vigi2fa.testing.Flows.CODE_PAGE;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.it.lostphone.LostPhoneSupport;
import org.vigi2fa.testing.BruteForce;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** "Forgot password?" needs the mailbox AND the code from a user with 2FA; it never signs anyone in with one of them. */
@VigiTest
class ForgotPasswordIT {

    private static final String CHANGED_SUBJECT = "password of your";

    @Test
    void theMailboxAloneGetsNoTokenAndNoNewPassword(VigiEnvironment env) {
        EnrolledUser victim = env.newUserWithOtp("resetatk");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);

        Page afterLink = openResetLink(env, visit.browser(), visit.request(), victim.user());
        assertFalse(afterLink.isRedirect(), "the reset link alone must not reach the application: " + afterLink);
        Flows.assertPage(afterLink, CODE_PAGE);
        assertNull(afterLink.document().selectFirst("input[name=password-new]"), "no new-password form before the code");
        assertNull(afterLink.document().selectFirst("#vigi-lost-phone-form"), "no lost-phone link in the reset flow");

        Page wrong = visit.code(afterLink, victim.totp().wrongNow());
        Flows.assertPage(wrong, CODE_PAGE);
        assertFalse(wrong.isRedirect());
        // guessing the code here counts toward the same lockout as at sign-in
        BruteForce.of(env, victim.user().id()).awaitFailures(1);

        // the lost-phone visit.request() posted by hand is refused here: it would mail a link to the same mailbox
        Page lost = visit.browser().post(wrong.form("#kc-otp-login-form").absUrl("action"), Map.of("lost-phone", "true"));
        Flows.assertPage(lost, CODE_PAGE);
        assertTrue(env.inbox().to(victim.user().email(), "Turn off two-factor").isEmpty(), "no lost-phone mail");

        // the password is still the victim's: it signs in up to the code page, the visit.browser()'s choice does not exist
        OAuth.AuthRequest again = visit.oauth().authRequest(VigiClient.VMS_CLOUD);
        Flows.assertPage(Flows.passwordStep(new WebSession(env.baseUrl()), again, victim.user()), CODE_PAGE);
        assertTrue(env.inbox().to(victim.user().email(), CHANGED_SUBJECT).isEmpty(), "no password-changed mail");
    }

    @Test
    void mailboxAndCodeSetANewPasswordAndSignIn(VigiEnvironment env) {
        EnrolledUser user = env.newUserWithOtp("resetok");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);

        Page codePage = openResetLink(env, visit.browser(), visit.request(), user.user());
        Flows.assertPage(codePage, CODE_PAGE);
        assertTrue(codePage.text().contains("To set a new password"), codePage.text());
        Page update = visit.code(codePage, user.totp().now());
        assertFalse(update.isRedirect(), "the new password comes before any sign-in: " + update);
        Page end = newPassword(visit.browser(), update, NEW_PASSWORD);
        Grants.issued(visit.tokens(end));

        TestUser renewed = new TestUser(user.user().id(), user.user().username(), user.user().email(), NEW_PASSWORD);
        OAuth.AuthRequest next = visit.oauth().authRequest(VigiClient.VIGI_APP);
        Flows.assertPage(Flows.passwordStep(new WebSession(env.baseUrl()), next, renewed), CODE_PAGE);
        Page oldPassword = Flows.passwordStep(new WebSession(env.baseUrl()), visit.oauth().authRequest(VigiClient.VIGI_APP), user.user());
        assertNotEquals(CODE_PAGE, oldPassword.pageId(), "the old password no longer works");
        assertEquals(1, env.inbox().to(user.user().email(), CHANGED_SUBJECT).size(), "password-changed mail");
        assertTrue(env.inbox().to(user.user().email(), CHANGED_SUBJECT).get(0).reportLink().isPresent(), "\"This wasn't me\" link");
    }

    @Test
    void aUserWithout2faResetsAsBefore(VigiEnvironment env) {
        TestUser user = env.newUser("resetplain");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);

        Page update = openResetLink(env, visit.browser(), visit.request(), user);
        assertNotEquals(CODE_PAGE, update.pageId(), "no code step for a user without 2FA");
        Grants.issued(visit.tokens(newPassword(visit.browser(), update, NEW_PASSWORD)));
    }

    @Test
    void theLostPhoneLinkPausesAfterAResetAndReopensAfterThePause(VigiEnvironment env) {
        EnrolledUser user = env.newUserWithOtp("resetpause");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
        Page update = visit.code(openResetLink(env, visit.browser(), visit.request(), user.user()), user.totp().now());
        visit.tokens(newPassword(visit.browser(), update, NEW_PASSWORD));
        TestUser renewed = new TestUser(user.user().id(), user.user().username(), user.user().email(), NEW_PASSWORD);
        EnrolledUser enrolled = new EnrolledUser(renewed, user.totp());

        Page refused = LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
        Flows.assertPage(refused, CODE_PAGE);
        assertTrue(refused.text().contains("changed recently"), refused.text());
        assertTrue(env.inbox().to(user.user().email(), "Turn off two-factor").isEmpty(), "no link mailed");

        try {
            env.moveClock(72 * 3600 + 60);
            Page sent = LostPhoneSupport.requestLink(env, new WebSession(env.baseUrl()), VigiClient.VMS_CLOUD, enrolled);
            Flows.assertPage(sent, "login-vigi-2fa-lost-sent");
        } finally {
            env.moveClock(0);
        }
    }
}

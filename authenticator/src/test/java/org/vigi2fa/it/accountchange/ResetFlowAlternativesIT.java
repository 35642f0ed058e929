package org.vigi2fa.it.accountchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.vigi2fa.it.accountchange.AccountChangeSupport.askForReset;
import static org.vigi2fa.it.accountchange.AccountChangeSupport.openResetLink;
import static org.vigi2fa.it.accountchange.ResetAttempts.assertNoWayIn;
import static org.vigi2fa.it.accountchange.ResetAttempts.assertPasswordUnchanged;
import static org.vigi2fa.testing.Flows.CODE_PAGE;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.RecoverySeed;
import org.vigi2fa.testing.SignedIn;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.Visit;
import org.vigi2fa.testing.http.Page;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.Grants;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "Forgot password?" has no other way round its two gates: no alternative, hand-made post, second session or old link
 * reaches the new password without the mailed link, nor (for a user with 2FA) without the code after it.
 */
@VigiTest
class ResetFlowAlternativesIT {

    @Test
    void tryAnotherWayBeforeTheMailedLinkReachesNoNewPassword(VigiEnvironment env) {
        TestUser plain = env.newUser("altplain");
        EnrolledUser enrolled = env.newUserWithOtp("alt2fa");
        for (TestUser user : List.of(plain, enrolled.user())) {
            for (String at : ResetAttempts.executions(env).keySet()) {
                for (String choice : ResetAttempts.executions(env).keySet()) {
                    attackWithoutTheLink(env, user, at, choice);
                }
            }
            assertPasswordUnchanged(env, user, user == enrolled.user());
        }
    }

    /** On the choose-user page and on the page after the mail was sent: "try another way" from one step to another. */
    private static void attackWithoutTheLink(VigiEnvironment env, TestUser user, String at, String choice) {
        String what = user.username() + " at " + at + " choosing " + choice;
        WebSession browser = new WebSession(env.baseUrl());
        Page chooseUser = ResetAttempts.chooseUserPage(env, browser);
        List<Page> before = ResetAttempts.tryAnotherWay(browser, chooseUser, at, choice);
        assertNoWayIn(before, "before the username, " + what);
        Page named = browser.submit(chooseUser.form("#kc-reset-password-form"), Map.of("username", user.username(),
                "authenticationExecution", choice));
        assertNoWayIn(List.of(named), "the username with a chosen step, " + what);
        Page sent = askForReset(browser, new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), user);
        assertNoWayIn(ResetAttempts.tryAnotherWay(browser, sent, at, choice), "after the mail, " + what);
        assertNoWayIn(List.of(browser.post(ResetAttempts.resetUrl(sent, at), Map.of())), "an empty post after the mail, " + what);
        assertNoWayIn(List.of(ResetAttempts.postNewPassword(browser, sent, at)), "a new password after the mail, " + what);
    }

    @Test
    void tryAnotherWayAfterTheLinkStillAsksTheCode(VigiEnvironment env) {
        EnrolledUser user = env.newUserWithOtp("altcode");
        for (String at : ResetAttempts.executions(env).keySet()) {
            for (String choice : ResetAttempts.executions(env).keySet()) {
                Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
                Page codePage = openResetLink(env, visit.browser(), visit.request(), user.user());
                Flows.assertPage(codePage, CODE_PAGE);
                String what = "after the link at " + at + " choosing " + choice;
                assertNoWayIn(ResetAttempts.tryAnotherWay(visit.browser(), codePage, at, choice), what);
                assertNoWayIn(List.of(ResetAttempts.postNewPassword(visit.browser(), codePage, at)), "new password " + what);
                assertNoWayIn(List.of(visit.browser().get(visit.request().url())), "the client again " + what);
            }
        }
        assertPasswordUnchanged(env, user.user(), true);
    }

    @Test
    void theNewPasswordFormCannotBePostedBeforeTheCode(VigiEnvironment env) {
        EnrolledUser user = env.newUserWithOtp("altdirect");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
        Page codePage = openResetLink(env, visit.browser(), visit.request(), user.user());
        String update = ResetAttempts.execution(env, "reset-password");
        Page direct = ResetAttempts.postNewPassword(visit.browser(), codePage, update);
        assertNoWayIn(List.of(direct), "a new password posted to its step");
        Page asForm = visit.browser().submit(codePage.form("#kc-otp-login-form"), Map.of("password-new",
                AccountChangeSupport.NEW_PASSWORD, "password-confirm", AccountChangeSupport.NEW_PASSWORD));
        assertNoWayIn(List.of(asForm), "a new password posted to the code step");
        Flows.assertPage(asForm, CODE_PAGE);
        assertFalse(asForm.isRedirect());
        assertPasswordUnchanged(env, user.user(), true);
        assertNotEquals("", update);
    }

    @Test
    void aTrustedDeviceNeverStandsInForTheCode(VigiEnvironment env) {
        EnrolledUser user = env.newUserWithOtp("alttrust");
        SignedIn trusted = SignedIn.trustingTheDevice(env, user, VigiClient.VMS_CLOUD, user.totp().now());
        String cookie = trusted.browser().cookies().get(SignedIn.TRUSTED_DEVICE_COOKIE);
        assertNotNull(cookie, "the device is trusted");

        WebSession device = new WebSession(env.baseUrl());
        device.cookies().put(SignedIn.TRUSTED_DEVICE_COOKIE, cookie);
        Page codePage = openResetLink(env, device, new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD), user.user());
        Flows.assertPage(codePage, CODE_PAGE);
        assertNull(codePage.document().selectFirst("input[name=vigi-trust-device]"), "no \"don't ask again\" in the reset flow");

        // the very browser that trusted the device, its SSO session alive, opens "forgot password" itself
        int mailed = env.inbox().actionLinks(user.user().email()).size();
        Page chooseUser = trusted.browser().get(env.realmUrl() + "/login-actions/reset-credentials?client_id=" + VigiClient.VMS_CLOUD.clientId);
        assertNoWayIn(List.of(chooseUser), "\"forgot password\" opened in the signed-in browser");
        if (env.inbox().actionLinks(user.user().email()).size() == mailed) {
            // no session user taken over by Keycloak: the username is asked as usual
            trusted.browser().submit(chooseUser.form("#kc-reset-password-form"), Map.of("username", user.user().username()));
        }
        List<String> links = env.inbox().actionLinks(user.user().email());
        Page signedInBrowser = trusted.browser().get(links.get(links.size() - 1));
        assertNoWayIn(List.of(signedInBrowser), "the trusted, signed-in browser");
        Flows.assertPage(signedInBrowser, CODE_PAGE);
        assertPasswordUnchanged(env, user.user(), true);
    }

    @Test
    void aRecoveryCodeAfterTheLinkStandsInForTheCodeOnce(VigiEnvironment env) {
        EnrolledUser user = env.newUserWithOtp("altrecovery");
        RecoverySeed codes = RecoverySeed.give(env, user.user().id(), 5); // no "few codes left" reminder after one
        Visit before = Visit.to(env, VigiClient.VMS_CLOUD);
        Page sent = askForReset(before.browser(), before.request(), user.user());
        Page early = before.browser().post(ResetAttempts.resetUrl(sent, ResetAttempts.execution(env, "vigi-2fa-code")),
                Map.of("recoveryCodeInput", codes.codes().get(0)));
        assertNoWayIn(List.of(early), "a recovery code without the link");

        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
        Page update = recoveryCode(visit.browser(), openResetLink(env, visit.browser(), visit.request(), user.user()), codes.codes().get(0));
        assertNotNull(update.document().selectFirst("input[name=password-new]"), "link + recovery code: " + update + " " + update.text());
        Grants.issued(visit.tokens(AccountChangeSupport.newPassword(visit.browser(), update, AccountChangeSupport.NEW_PASSWORD)));

        TestUser renewed = new TestUser(user.user().id(), user.user().username(), user.user().email(), AccountChangeSupport.NEW_PASSWORD);
        Visit again = Visit.to(env, VigiClient.VMS_CLOUD);
        Page reused = recoveryCode(again.browser(), openResetLink(env, again.browser(), again.request(), renewed), codes.codes().get(0));
        assertNoWayIn(List.of(reused), "a used recovery code");
        Flows.assertPage(reused, "login-vigi-2fa-recovery-code");
    }

    private static Page recoveryCode(WebSession browser, Page codePage, String code) {
        Flows.assertPage(codePage, CODE_PAGE);
        Page input = browser.submit(codePage.form("#vigi-recovery-use-form"), Map.of());
        Flows.assertPage(input, "login-vigi-2fa-recovery-code");
        return browser.submit(input.form("#vigi-recovery-form"), Map.of("recoveryCodeInput", code));
    }

    @Test
    void aSecondSessionNeedsTheLinkAndTheCodeOfItsOwn(VigiEnvironment env) {
        EnrolledUser user = env.newUserWithOtp("alttabs");
        Visit first = Visit.to(env, VigiClient.VMS_CLOUD);
        Page sentFirst = askForReset(first.browser(), first.request(), user.user());
        Visit secondTab = first.then(VigiClient.VIGI_APP);
        askForReset(secondTab.browser(), secondTab.request(), user.user());
        List<String> links = env.inbox().actionLinks(user.user().email());
        assertEquals(2, links.size(), links.toString());

        // the first tab's link in another browser, and the second tab's in the first: the code, every time
        WebSession other = new WebSession(env.baseUrl());
        Page elsewhere = other.get(links.get(0));
        Flows.assertPage(elsewhere, CODE_PAGE);
        Page here = first.browser().get(links.get(1));
        Flows.assertPage(here, CODE_PAGE);
        // the first tab, which never opened a link, tries its own steps
        assertNoWayIn(ResetAttempts.tryAnotherWay(first.browser(), sentFirst, ResetAttempts.execution(env, "reset-password"),
                ResetAttempts.execution(env, "reset-password")), "the first tab");
        assertNoWayIn(List.of(ResetAttempts.postNewPassword(first.browser(), sentFirst, ResetAttempts.execution(env, "reset-password"))),
                "the first tab's new password");

        // the code in the other browser; the first browser's session gains nothing from it
        Page otherUpdate = Flows.code(other, elsewhere, user.totp().now());
        assertNotNull(otherUpdate.document().selectFirst("input[name=password-new]"), otherUpdate.text());
        assertNoWayIn(List.of(first.browser().get(first.request().url())), "the first browser after the code elsewhere");
        assertNoWayIn(List.of(ResetAttempts.postNewPassword(first.browser(), here, ResetAttempts.execution(env, "reset-password"))),
                "the first browser's new password after the code elsewhere");
        assertPasswordUnchanged(env, user.user(), true);
    }

    @Test
    void anOldResetLinkOpensNothingAfterTheReset(VigiEnvironment env) {
        EnrolledUser user = env.newUserWithOtp("altreplay");
        Visit visit = Visit.to(env, VigiClient.VMS_CLOUD);
        Page update = visit.code(openResetLink(env, visit.browser(), visit.request(), user.user()), user.totp().now());
        Grants.issued(visit.tokens(AccountChangeSupport.newPassword(visit.browser(), update, AccountChangeSupport.NEW_PASSWORD)));
        String link = env.inbox().actionLinks(user.user().email()).get(0);

        Page sameBrowser = visit.browser().get(link);
        assertNoWayIn(List.of(sameBrowser), "the used link in the same browser");
        assertNotEquals(CODE_PAGE, sameBrowser.pageId(), "the used link is dead: " + sameBrowser.text());
        Page otherBrowser = new WebSession(env.baseUrl()).get(link);
        assertNoWayIn(List.of(otherBrowser), "the used link in another browser");
        assertNotEquals(CODE_PAGE, otherBrowser.pageId(), "the used link is dead: " + otherBrowser.text());
    }
}

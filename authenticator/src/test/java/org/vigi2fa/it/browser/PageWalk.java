package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.List;
import java.util.Map;

import org.vigi2fa.it.browser.pages.CodePage;
import org.vigi2fa.it.browser.pages.DisablePage;
import org.vigi2fa.it.browser.pages.EnableConfirmPage;
import org.vigi2fa.it.browser.pages.EnablePasswordPage;
import org.vigi2fa.it.browser.pages.EnableScanPage;
import org.vigi2fa.it.browser.pages.InfoPage;
import org.vigi2fa.it.browser.pages.KeycloakPage;
import org.vigi2fa.it.browser.pages.LoginPage;
import org.vigi2fa.it.browser.pages.LogoutConfirmPage;
import org.vigi2fa.it.browser.pages.LostConfirmPage;
import org.vigi2fa.it.browser.pages.LostDonePage;
import org.vigi2fa.it.browser.pages.LostSentPage;
import org.vigi2fa.it.browser.pages.NeededPage;
import org.vigi2fa.it.browser.pages.RecoveryCodePage;
import org.vigi2fa.it.browser.pages.RecoveryCodesPage;
import org.vigi2fa.it.browser.pages.ReportConfirmPage;
import org.vigi2fa.it.browser.pages.ReportDonePage;
import org.vigi2fa.it.browser.pages.UpdatePasswordPage;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * One user's walk through every VIGI page (and Keycloak's pages between them), each step ending where the next
 * begins; every page is checked as it is reached ({@link #at}).
 */
record PageWalk(VigiEnvironment env, TestUser user, String language, OAuth oauth) {

    static final String NEW_PASSWORD = "Another-Horse-7";
    /** The user attribute that makes Keycloak's new-password page say "you reported a sign-in". */
    private static final String REPORTED_NEW_PASSWORD = "vigi-2fa.reported-new-password";

    PageWalk(VigiEnvironment env, TestUser user, String language) {
        this(env, user, language, new OAuth(env.realmUrl()));
    }

    /** Turn on from the application: confirm, password, scan (a wrong code first), the recovery codes. */
    Totp turnOn(Browser browser) {
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-enable");
        LoginPage.open(browser, request).signIn(user);
        at(new EnableConfirmPage(browser)).continueToPassword();
        at(new EnablePasswordPage(browser)).confirm(user.password());
        EnableScanPage scan = at(new EnableScanPage(browser));
        Totp phone = Totp.ofBase32(scan.secret());
        scan.verify(phone.wrongNow());
        again(scan, "login-vigi-2fa-enable-scan-wrong").verify(phone.now());
        at(new RecoveryCodesPage(browser)).saved();
        SignInEnd.assertBackAtClient(browser, oauth, request, user);
        return phone;
    }

    /** "Turn off" from the application, then Cancel: back at the application, 2FA still on. */
    void openTurnOffAndCancel(Browser browser) {
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-disable");
        browser.open(request.url());
        at(new DisablePage(browser)).cancel();
        browser.awaitUntil("back at the application", () -> browser.url().startsWith(request.client().redirectUri));
    }

    void signOut(Browser browser) {
        browser.open(env.realmUrl() + "/protocol/openid-connect/logout");
        at(new LogoutConfirmPage(browser)).logOut();
        at(new InfoPage(browser));
    }

    /** The code page, a wrong code, "Use a recovery code" and back, then the right code. */
    void signInPastAWrongCodeAndTheRecoveryPage(Browser browser, Totp phone) {
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        LoginPage.open(browser, request).signIn(user);
        CodePage code = at(new CodePage(browser));
        code.enterCode(phone.wrongNow());
        again(code, "login-vigi-2fa-code-wrong").useRecoveryCode();
        at(new RecoveryCodePage(browser)).back();
        // the next period's code (inside the look-around window): the enrolment code is never reused
        at(new CodePage(browser)).enterCode(phone.now(1));
        SignInEnd.assertBackAtClient(browser, oauth, request, user);
    }

    /** "Can't use your authenticator app?": with codes left, the recovery page first, then the mailed link. */
    void loseThePhone(Browser browser) {
        LoginPage.open(browser, oauth.authRequest(VigiClient.VMS_CLOUD)).signIn(user);
        at(new CodePage(browser)).lostPhone();
        RecoveryCodePage recovery = new RecoveryCodePage(browser);
        browser.awaitPage(recovery.pageId());
        again(recovery, "login-vigi-2fa-recovery-code-lost-phone").mailInstead();
        LostSentPage sent = at(new LostSentPage(browser));
        assertFalse(sent.offersSendAgain(), "'Send the link again' only once the cooldown allows another link");
        sent.backToSignIn();
        at(new LoginPage(browser));
    }

    Mail lostPhoneMail() {
        Browser.awaitCondition("the lost-phone mail", () -> env.inbox().latestWithActionLink(user.email()).isPresent());
        return env.inbox().latestWithActionLink(user.email()).orElseThrow();
    }

    /** The link in a fresh browser: confirm with the password, done; the used link opened again. */
    void turnOffFromTheLink(Browser browser, Mail mail) {
        browser.open(mail.actionLink().orElseThrow());
        at(new LostConfirmPage(browser)).confirm(user.password());
        at(new LostDonePage(browser));
        browser.open(mail.actionLink().orElseThrow());
        checked(browser, "used-link-" + browser.pageId());
    }

    /** "This wasn't me" from the newest security mail: what it does, then secured. */
    void reportThisWasntMe(Browser browser) {
        List<Mail> mails = env.inbox().to(user.email());
        String link = mails.stream().map(Mail::reportLink).flatMap(java.util.Optional::stream)
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no mail with \"This wasn't me\""));
        browser.open(link);
        at(new ReportConfirmPage(browser)).secure();
        at(new ReportDonePage(browser));
        assertSays(browser, "vigi2faReportDoneNextNoCode"); // 2FA is off since the lost phone: no code is asked
    }

    /** The next sign-in asks for a new password (2FA is off since the lost phone). */
    void signInWithANewPassword(Browser browser) {
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        LoginPage.open(browser, request).signIn(user);
        UpdatePasswordPage update = at(new UpdatePasswordPage(browser));
        assertSays(browser, "vigi2faReportNewPassword");
        update.choose(NEW_PASSWORD);
        SignInEnd.assertBackAtClient(browser, oauth, request, user);
        Map<String, List<String>> attributes = env.realm().users().get(user.id()).toRepresentation().getAttributes();
        assertTrue(attributes == null || !attributes.containsKey(REPORTED_NEW_PASSWORD),
                "once chosen, a later new-password page is Keycloak's own again: " + attributes);
    }

    /** An application asks for 2FA (acr_values=2) of this user, now without it: the "needed" page, and "Not now". */
    void declineTheStepUp(Browser browser) {
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD, "acr_values", "2");
        browser.open(request.url());
        at(new NeededPage(browser)).notNow();
        String answer = request.client().redirectUri + "?error=unmet_authentication_requirements";
        browser.awaitUntil("the application's answer " + answer, () -> browser.url().startsWith(answer));
    }

    /** Waits for the page, checks it (fits the screen) and pictures it. */
    private <P extends KeycloakPage<P>> P at(P page) {
        P current = page.assertCurrent();
        checked(current.browser(), current.pageId());
        return current;
    }

    /** The same page again (after an error), checked and pictured under its own name. */
    private <P extends KeycloakPage<P>> P again(P page, String name) {
        P current = page.assertCurrent();
        checked(current.browser(), name);
        return current;
    }

    /** The page shows the bundle's text for this key in the walk's language. */
    private void assertSays(Browser browser, String key) {
        String text = new MessageFormat(Bundles.of(language.replace('-', '_')).getProperty(key)).format(new Object[0]);
        String shown = String.valueOf(browser.js("return document.body.innerText;"));
        assertTrue(shown.contains(text), "the page says \"" + text + "\": " + browser.bodyText());
    }

    private void checked(Browser browser, String name) {
        browser.arrived(name);
        PageVoice.assertOwnWords(browser, language);
    }
}

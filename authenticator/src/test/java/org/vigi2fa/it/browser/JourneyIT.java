package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.vigi2fa.it.browser.pages.AccountConsole;
import org.vigi2fa.it.browser.pages.CodePage;
import org.vigi2fa.it.browser.pages.EnableConfirmPage;
import org.vigi2fa.it.browser.pages.EnablePasswordPage;
import org.vigi2fa.it.browser.pages.EnableScanPage;
import org.vigi2fa.it.browser.pages.InfoPage;
import org.vigi2fa.it.browser.pages.LoginPage;
import org.vigi2fa.it.browser.pages.LogoutConfirmPage;
import org.vigi2fa.it.browser.pages.LostConfirmPage;
import org.vigi2fa.it.browser.pages.LostDonePage;
import org.vigi2fa.it.browser.pages.LostSentPage;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.browser.Screenshots;
import org.vigi2fa.testing.mail.Mail;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The whole VIGI journey in headless Chromium, on a desktop window and on 390×844 and 360×740 phones: sign in to
 * VMS Cloud, turn 2FA on from account settings, sign in with a code, lose the phone, turn 2FA off from the mailed
 * link in another browser, sign in without a code. Every page is checked for sideways scrolling and screenshotted.
 */
@VigiTest
class JourneyIT {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void turnOnSignInWithCodeLosePhoneAndSignInWithout(Screen screen, VigiEnvironment env) {
        Journey journey = new Journey(env, env.newUser("journey-" + screen.folder));
        Screenshots screenshots = new Screenshots(screen).clean();

        try (Browser browser = Browser.start(screen, screenshots)) {
            journey.signInWithThePasswordAlone(browser);
            Totp phone = journey.turnOnFromAccountSettings(browser);
            journey.signOut(browser);
            journey.signInWithACode(browser, phone);
            journey.signOut(browser);
            journey.reportTheLostPhone(browser);
        }
        Mail mail = journey.awaitTheLostPhoneMail();
        // The mailed link in another, fresh browser (e.g. the laptop instead of the phone).
        try (Browser other = Browser.start(screen, screenshots)) {
            journey.turnOffFromTheMailedLink(other, mail);
            journey.signInWithThePasswordAlone(other);
        }
    }

    /** One user's steps through the VIGI pages, each ending where the next begins. */
    private record Journey(VigiEnvironment env, TestUser user, OAuth oauth) {

        Journey(VigiEnvironment env, TestUser user) {
            this(env, user, new OAuth(env.realmUrl()));
        }

        /** VMS Cloud with the password alone (2FA off): back at the application with the user's tokens. */
        void signInWithThePasswordAlone(Browser browser) {
            OAuth.AuthRequest cloud = oauth.authRequest(VigiClient.VMS_CLOUD);
            LoginPage.open(browser, cloud).signIn(user);
            SignInEnd.assertBackAtClient(browser, oauth, cloud, user);
        }

        /**
         * Account settings: Account security → Signing in → Set up authenticator application; then confirm, password
         * again, scan (the test reads the secret a phone would scan), code. Returns the phone's code generator.
         */
        Totp turnOnFromAccountSettings(Browser browser) {
            new AccountConsole(browser).open(env.realmUrl()).goToSigningIn().setUpAuthenticatorApp();
            new EnableConfirmPage(browser).assertCurrent().continueToPassword();
            new EnablePasswordPage(browser).assertCurrent().confirm(user.password());
            EnableScanPage scan = new EnableScanPage(browser).assertCurrent();
            assertTrue(scan.showsQrCode(), "the QR code is a PNG the browser can show");
            Totp phone = Totp.ofBase32(scan.secret());
            scan.verify(phone.now());

            // Back in account settings, where the authenticator app is now listed.
            new AccountConsole(browser).awaitAuthenticatorAppListed();
            assertEquals(List.of("otp"), otpCredentials(), "2FA is on: one OTP credential stored");
            Browser.awaitCondition("the '2FA turned on' mail", () -> !env.inbox().to(user.email(), "turned on").isEmpty());
            return phone;
        }

        void signOut(Browser browser) {
            browser.open(env.realmUrl() + "/protocol/openid-connect/logout");
            new LogoutConfirmPage(browser).assertCurrent().logOut();
            new InfoPage(browser).assertCurrent();
        }

        /** VMS Cloud again: now the code page after the password; a wrong code is announced, the right one signs in. */
        void signInWithACode(Browser browser, Totp phone) {
            OAuth.AuthRequest withCode = oauth.authRequest(VigiClient.VMS_CLOUD);
            LoginPage.open(browser, withCode).signIn(user);
            CodePage code = new CodePage(browser).assertCurrent();
            code.enterCode(phone.wrongNow());
            code.assertCurrent();
            assertFalse(code.announcedMessages().isEmpty(), "a wrong code is announced");
            browser.arrived("login-vigi-2fa-code-wrong");
            // The next period's code (inside the look-around window): the enrolment code is never reused.
            code.enterCode(phone.now(1));
            SignInEnd.assertBackAtClient(browser, oauth, withCode, user);
        }

        /** The phone is lost: "can't use your app?" on the code page; the page names the mailbox, masked. */
        void reportTheLostPhone(Browser browser) {
            OAuth.AuthRequest lost = oauth.authRequest(VigiClient.VMS_CLOUD);
            LoginPage.open(browser, lost).signIn(user);
            new CodePage(browser).assertCurrent().lostPhone();
            String masked = new LostSentPage(browser).assertCurrent().maskedEmail();
            assertFalse(masked.isEmpty(), "the page names the mailbox");
            assertNotEquals(user.email(), masked, "never the full address");
        }

        /** The newest mail to the user with a link into this Keycloak. */
        Mail awaitTheLostPhoneMail() {
            Browser.awaitCondition("the lost-phone mail to " + user.email(), () -> env.inbox().latestWithActionLink(user.email()).isPresent());
            Mail mail = env.inbox().latestWithActionLink(user.email()).orElseThrow();
            String link = mail.actionLink().orElseThrow();
            assertTrue(link.startsWith(env.baseUrl()), "the link leads into this Keycloak: " + link);
            return mail;
        }

        /** The mail as a mail client shows it, then its link: the password, and 2FA is off. */
        void turnOffFromTheMailedLink(Browser browser, Mail mail) {
            browser.open("data:text/html;charset=utf-8;base64,"
                    + Base64.getEncoder().encodeToString(mail.html().getBytes(StandardCharsets.UTF_8)));
            browser.arrived("mail-vigi-2fa-lost-phone");
            browser.open(mail.actionLink().orElseThrow());
            LostConfirmPage confirm = new LostConfirmPage(browser).assertCurrent();
            assertTrue(confirm.asksForPassword(), "opened elsewhere, the link asks for the password");
            assertEquals(List.of("otp"), otpCredentials(), "opening the link changes nothing");
            confirm.confirm(user.password());
            new LostDonePage(browser).assertCurrent();
            assertEquals(List.of(), otpCredentials(), "2FA is off");
            Browser.awaitCondition("the '2FA turned off' mail", () -> !env.inbox().to(user.email(), "turned off").isEmpty());
        }

        private List<String> otpCredentials() {
            return env.otpCredentials(user.id()).stream().map(CredentialRepresentation::getType).toList();
        }
    }
}

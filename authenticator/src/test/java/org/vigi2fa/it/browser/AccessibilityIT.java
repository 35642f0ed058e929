package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigi2fa.it.browser.pages.CodePage;
import org.vigi2fa.it.browser.pages.DisablePage;
import org.vigi2fa.it.browser.pages.EnableConfirmPage;
import org.vigi2fa.it.browser.pages.EnablePasswordPage;
import org.vigi2fa.it.browser.pages.EnableScanPage;
import org.vigi2fa.it.browser.pages.KeycloakPage;
import org.vigi2fa.it.browser.pages.LoginPage;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** In a real browser: labels bound to inputs, a visible focus, errors announced, and the pages in Russian. */
@VigiTest
class AccessibilityIT {

    @Test
    void codePageHasLabelsFocusAndAnnouncesAWrongCode(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("a11y-code");
        OAuth oauth = new OAuth(env.realmUrl());
        try (Browser browser = Browser.start(Screen.PHONE, null)) {
            OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
            LoginPage.open(browser, request).signIn(enrolled.user());

            CodePage code = new CodePage(browser).assertCurrent();
            assertLabelled(code);
            assertTrue(code.showsFocus("#otp"), "the code field shows where the focus is");
            // the trusted-device box ("Don't ask again on this device") sits between the code and Verify
            assertTrue(code.tabMovesVisibleFocus("#otp", "#vigi-trust-device"), "Tab reaches \"Don't ask again\", which shows the focus");
            assertTrue(code.tabMovesVisibleFocus("#vigi-trust-device", "#kc-login"), "Tab reaches Verify, which shows the focus");
            assertEquals(List.of(), code.announcedMessages(), "no error before a code was typed");

            code.enterCode(enrolled.totp().wrongNow());
            assertAnnounced(code, "a wrong code");
            assertEquals("true", browser.find("#otp").getAttribute("aria-invalid"));
            assertLabelled(code);

            code.enterCode(enrolled.totp().now());
            SignInEnd.assertBackAtClient(browser, oauth, request, enrolled.user());
        }
    }

    @Test
    void enrolPagesHaveLabelsAndAnnounceErrors(VigiEnvironment env) {
        TestUser user = env.newUser("a11y-enrol");
        OAuth.AuthRequest request = vmsCloud(env, "kc_action", "vigi-2fa-enable");
        try (Browser browser = Browser.start(Screen.PHONE, null)) {
            LoginPage.open(browser, request).signIn(user);

            EnableConfirmPage confirm = new EnableConfirmPage(browser).assertCurrent();
            assertLabelled(confirm);
            confirm.continueToPassword();

            EnablePasswordPage password = new EnablePasswordPage(browser).assertCurrent();
            assertLabelled(password);
            assertTrue(password.showsFocus("#password"), "the password field shows where the focus is");
            password.confirm("not-the-password");
            assertAnnounced(password, "a wrong password");
            password.confirm(user.password());

            EnableScanPage scan = new EnableScanPage(browser).assertCurrent();
            assertLabelled(scan);
            assertEquals("one-time-code", browser.find("#otp").getAttribute("autocomplete"));
            assertEquals("numeric", browser.find("#otp").getAttribute("inputmode"));
            Totp phone = Totp.ofBase32(scan.secret());
            scan.verify(phone.wrongNow());
            assertAnnounced(scan, "a wrong code");
            assertLabelled(scan);
        }
    }

    @Test
    void disablePageHasLabelsAndAnnouncesAWrongCode(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("a11y-disable");
        OAuth.AuthRequest request = vmsCloud(env, "kc_action", "vigi-2fa-disable");
        try (Browser browser = Browser.start(Screen.PHONE, null)) {
            LoginPage.open(browser, request).signIn(enrolled.user());
            new CodePage(browser).assertCurrent().enterCode(enrolled.totp().now());

            DisablePage disable = new DisablePage(browser).assertCurrent();
            assertLabelled(disable);
            assertTrue(disable.showsFocus("#otp"), "the code field shows where the focus is");
            disable.turnOff(enrolled.user().password(), enrolled.totp().wrongNow());
            assertAnnounced(disable, "a wrong code");
            assertLabelled(disable);
        }
    }

    @Test
    void uiLocalesRuShowsTheSignInAndCodePagesInRussian(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("a11y-ru");
        // The application asks for Russian the OIDC way; Keycloak 26 reads kc_locale only on its own login-actions URLs.
        OAuth.AuthRequest request = vmsCloud(env, "ui_locales", "ru");
        try (Browser browser = Browser.start(Screen.DESKTOP, null)) {
            LoginPage login = LoginPage.open(browser, request);
            assertEquals("ru", login.lang());
            assertTrue(isRussian(login.title()), "Russian title, got: " + login.title());
            login.signIn(enrolled.user());

            CodePage code = new CodePage(browser).assertCurrent();
            assertEquals("ru", code.lang());
            assertEquals(Bundles.of("ru").getProperty("vigi2faCodeTitle"), code.title());
            assertEquals(Bundles.of("ru").getProperty("vigi2faLostPhoneLink").replace("''", "'"), browser.find("#vigi-lost-phone").getText());
        }
    }

    @Test
    void languageMenuSwitchesToRussian(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("a11y-menu");
        OAuth.AuthRequest request = vmsCloud(env);
        try (Browser browser = Browser.start(Screen.PHONE, null)) {
            LoginPage login = LoginPage.open(browser, request);
            assertEquals("en", login.lang());
            assertFalse(isRussian(login.title()), login.title());

            login.chooseLanguage("ru");
            login.assertCurrent();
            assertTrue(isRussian(login.title()), "Russian title, got: " + login.title());
            assertLabelled(login);
            login.signIn(enrolled.user());

            CodePage code = new CodePage(browser).assertCurrent();
            assertEquals("ru", code.lang());
            assertEquals(Bundles.of("ru").getProperty("vigi2faCodeTitle"), code.title());
        }
    }

    /** The page is shown again and announces the mistake to screen readers (role=alert or aria-live). */
    private static void assertAnnounced(KeycloakPage<?> page, String mistake) {
        page.assertCurrent();
        assertFalse(page.announcedMessages().isEmpty(), mistake + " is announced (role=alert or aria-live)");
    }

    private static void assertLabelled(KeycloakPage<?> page) {
        assertEquals(List.of(), page.fieldsWithoutLabel(), page.pageId() + ": every field has a label bound to it");
    }

    /** VMS Cloud's authorization request, with these extra parameters. */
    private static OAuth.AuthRequest vmsCloud(VigiEnvironment env, String... params) {
        return new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD, params);
    }

    private static boolean isRussian(String text) {
        return text.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
    }
}

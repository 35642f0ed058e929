package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigi2fa.it.browser.pages.AccountConsole;
import org.vigi2fa.it.browser.pages.CodePage;
import org.vigi2fa.it.browser.pages.DisablePage;
import org.vigi2fa.it.browser.pages.EnableConfirmPage;
import org.vigi2fa.it.browser.pages.EnablePasswordPage;
import org.vigi2fa.it.browser.pages.EnableScanPage;
import org.vigi2fa.it.browser.pages.InfoPage;
import org.vigi2fa.it.browser.pages.LoginPage;
import org.vigi2fa.it.browser.pages.LogoutConfirmPage;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.browser.Screenshots;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * Account settings as a VIGI user sees them, on a desktop window and a phone: the VIGI logo, the authenticator under
 * the name given on the scan page, no "Set up" while it is on, the console's own "Created" and one info line saying when
 * and where it last signed in (its time formatted in the browser exactly as "Created": the user's language, the
 * browser's time zone), and the remove button leading to the VIGI turn-off page. Screenshots:
 * target/screenshots/account/.
 */
@VigiTest
class AccountSettingsIT {

    private static final String NAME = "Pixel 8";

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theAuthenticatorIsNamedDatedAndTurnedOffFromItsOwnPage(Screen screen, VigiEnvironment env) {
        TestUser user = env.newUser("settings-" + screen.folder);
        OAuth oauth = new OAuth(env.realmUrl());
        Properties account = Bundles.account("en");
        try (Browser browser = Browser.start(screen, new Screenshots("account", screen).clean())) {
            OAuth.AuthRequest signIn = oauth.authRequest(VigiClient.VMS_CLOUD);
            LoginPage.open(browser, signIn).signIn(user);
            // back at VMS Cloud first: opening the console while that redirect is still under way can lose the race
            SignInEnd.assertBackAtClient(browser, oauth, signIn, user);
            AccountConsole console = new AccountConsole(browser).open(env.realmUrl());
            assertTrue(console.showsVigiLogo(), "the VIGI logo in the account console's header");
            Totp phone = turnOnWithAName(browser, console.goToSigningIn(), user);

            console = new AccountConsole(browser).awaitAuthenticatorAppListed();
            assertEquals(NAME, console.authenticatorLabel());
            assertFalse(console.offersSetUp(), "no 'Set up' while 2FA is on");
            assertEquals(account.getProperty("vigi2faAccountNotUsedYet"), console.authenticatorInfo());
            assertFalse(console.authenticatorHasDetailsList(), "no second turn-on date beside the console's 'Created'");
            long created = env.otpCredentials(user.id()).get(0).getCreatedDate();
            assertEquals("Created " + console.asTheConsoleFormats(created, "en") + ".", console.authenticatorCreated());

            long before = System.currentTimeMillis();
            signOutAndInWithTheCode(browser, env, user, phone);
            long after = System.currentTimeMillis();
            console = new AccountConsole(browser).open(env.realmUrl()).goToSigningIn();
            // the sign-in's minute, as the console writes its own dates (the two ends differ only across a minute)
            AccountConsole shown = console;
            Set<String> expected = Stream.of(before, after)
                    .map(t -> "Last used " + shown.asTheConsoleFormats(t, "en") + " to sign in to VIGI VMS Cloud")
                    .collect(Collectors.toSet());
            assertTrue(expected.contains(console.authenticatorInfo()), console.authenticatorInfo() + " not one of " + expected);
            console.showAuthenticator("account-signing-in-2fa-used");

            assertEquals(account.getProperty("delete"), console.removeButtonText());
            console.turnOff();
            new DisablePage(browser).assertCurrent();
            assertEquals(1, env.otpCredentials(user.id()).size(), "opening the page removes nothing");
        }
    }

    /** "Set up" → confirm → password → scan, with a name for the authenticator; returns the phone's code generator. */
    private static Totp turnOnWithAName(Browser browser, AccountConsole console, TestUser user) {
        assertTrue(console.offersSetUp(), "'Set up' while 2FA is off");
        console.setUpAuthenticatorApp();
        new EnableConfirmPage(browser).assertCurrent().continueToPassword();
        new EnablePasswordPage(browser).assertCurrent().confirm(user.password());
        EnableScanPage scan = new EnableScanPage(browser).assertCurrent();
        Totp phone = Totp.ofBase32(scan.secret());
        scan.name("  " + NAME + "  ").verify(phone.now());
        return phone;
    }

    /** A new sign-in to VMS Cloud with the password and the next code: the one the console then names. */
    private static void signOutAndInWithTheCode(Browser browser, VigiEnvironment env, TestUser user, Totp phone) {
        OAuth oauth = new OAuth(env.realmUrl());
        browser.open(env.realmUrl() + "/protocol/openid-connect/logout");
        new LogoutConfirmPage(browser).assertCurrent().logOut();
        new InfoPage(browser).assertCurrent();
        OAuth.AuthRequest cloud = oauth.authRequest(VigiClient.VMS_CLOUD);
        LoginPage.open(browser, cloud).signIn(user);
        new CodePage(browser).assertCurrent().enterCode(phone.now(1));
        SignInEnd.assertBackAtClient(browser, oauth, cloud, user);
    }
}

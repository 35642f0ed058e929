package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigi2fa.it.browser.pages.CodePage;
import org.vigi2fa.it.browser.pages.EnableConfirmPage;
import org.vigi2fa.it.browser.pages.EnablePasswordPage;
import org.vigi2fa.it.browser.pages.EnableScanPage;
import org.vigi2fa.it.browser.pages.LoginPage;
import org.vigi2fa.it.browser.pages.RecoveryCodePage;
import org.vigi2fa.it.browser.pages.RecoveryCodesPage;
import org.vigi2fa.it.browser.pages.RecoveryManagePage;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.browser.Screenshots;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * Recovery codes in headless Chromium, desktop and phone: turn 2FA on and save the codes, sign in in a fresh browser
 * with "Use a recovery code", then see the count left in settings. Screenshots into target/screenshots/recovery.
 */
@VigiTest
class RecoveryJourneyIT {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void saveTheCodesThenSignInWithOne(Screen screen, VigiEnvironment env) {
        Map<String, String> previous = VigiSettings.change(env, Map.of("recoveryCodes", "optional"));
        TestUser user = env.newUser("rc-journey-" + screen.folder);
        OAuth oauth = new OAuth(env.realmUrl());
        Screenshots screenshots = new Screenshots("recovery", screen).clean();
        try {
            List<String> codes;
            Totp phone;
            try (Browser browser = Browser.start(screen, screenshots)) {
                OAuth.AuthRequest enable = oauth.authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-enable");
                LoginPage.open(browser, enable).signIn(user);
                new EnableConfirmPage(browser).assertCurrent().continueToPassword();
                new EnablePasswordPage(browser).assertCurrent().confirm(user.password());
                EnableScanPage scan = new EnableScanPage(browser).assertCurrent();
                phone = Totp.ofBase32(scan.secret());
                scan.verify(phone.now());
                RecoveryCodesPage codesPage = new RecoveryCodesPage(browser).assertCurrent();
                assertTrue(codesPage.offersCopyDownloadAndPrint(), "copy, download, print");
                codes = codesPage.codes();
                assertEquals(12, codes.size(), codes.toString());
                codesPage.saved();
                SignInEnd.assertBackAtClient(browser, oauth, enable, user);
            }
            try (Browser other = Browser.start(screen, screenshots)) {
                OAuth.AuthRequest signIn = oauth.authRequest(VigiClient.VMS_CLOUD);
                LoginPage.open(other, signIn).signIn(user);
                new CodePage(other).assertCurrent().useRecoveryCode();
                new RecoveryCodePage(other).assertCurrent().enter(codes.get(0).toLowerCase());
                SignInEnd.assertBackAtClient(other, oauth, signIn, user);

                other.open(oauth.authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-recovery-codes").url());
                RecoveryManagePage manage = new RecoveryManagePage(other).assertCurrent();
                assertTrue(manage.left().contains("11 of 12"), manage.left());
            }
        } finally {
            VigiSettings.restore(env, previous);
        }
    }
}

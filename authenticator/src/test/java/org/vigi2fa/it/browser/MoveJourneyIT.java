package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigi2fa.it.browser.pages.CodePage;
import org.vigi2fa.it.browser.pages.LoginPage;
import org.vigi2fa.it.browser.pages.MoveProvePage;
import org.vigi2fa.it.browser.pages.MoveScanPage;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.UnusedCodes;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.browser.Screenshots;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "I have a new phone" in headless Chromium, desktop and phones, in English and German (each page fits the screen
 * without scrolling sideways or splitting a heading word):
 * sign in, the password and the old code, the new phone's QR code and its code, back at the application. Screenshots
 * into target/screenshots/move and move-de.
 */
@VigiTest
class MoveJourneyIT {

    static Stream<Arguments> screensAndLanguages() {
        return Stream.of(Screen.values()).flatMap(screen -> Stream.of(Arguments.of(screen, "en"), Arguments.of(screen, "de")));
    }

    @ParameterizedTest
    @MethodSource("screensAndLanguages")
    void moveToANewPhoneFromAnApplication(Screen screen, String language, VigiEnvironment env) {
        Totp.awayFromPeriodEdge();
        EnrolledUser enrolled = env.newUserWithOtp("move-journey-" + screen.folder + "-" + language);
        UnusedCodes oldPhone = new UnusedCodes(enrolled.totp());
        OAuth oauth = new OAuth(env.realmUrl());
        Screenshots pictures = new Screenshots("en".equals(language) ? "move" : "move-" + language, screen).clean();
        try (Browser browser = Browser.start(screen, pictures, language)) {
            OAuth.AuthRequest move = oauth.authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-move");
            LoginPage.open(browser, move).signIn(enrolled.user());
            new CodePage(browser).assertCurrent().enterCode(oldPhone.next());
            new MoveProvePage(browser).assertCurrent().prove(enrolled.user().password(), oldPhone.next());
            MoveScanPage scan = new MoveScanPage(browser).assertCurrent();
            assertTrue(scan.showsQrCode(), "the QR code is shown");
            scan.verify(Totp.ofBase32(scan.secret()).now());
            SignInEnd.assertBackAtClient(browser, oauth, move, enrolled.user());
        }
    }
}

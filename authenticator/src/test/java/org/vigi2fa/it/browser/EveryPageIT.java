package org.vigi2fa.it.browser;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigi2fa.testing.Totp;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiSettings;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.browser.Screenshots;
import org.vigi2fa.testing.mail.Mail;

/**
 * Every VIGI page of the journey, and Keycloak's own pages as they appear in it, on a 360×740 and a 390×844 phone
 * and a desktop window, in English, German and Chinese: none scrolls sideways. English and German are pictured whole
 * (not cropped to the window) in target/screenshots/pages/{en,de}/{phone-360,phone,desktop}.
 */
@VigiTest
class EveryPageIT {

    static Stream<Arguments> screensAndLanguages() {
        return Stream.of(Screen.values()).flatMap(screen -> Stream.of(
                Arguments.of(screen, "en"), Arguments.of(screen, "de"), Arguments.of(screen, "zh-CN")));
    }

    @ParameterizedTest
    @MethodSource("screensAndLanguages")
    void everyPageFitsTheScreen(Screen screen, String language, VigiEnvironment env) {
        Screenshots pictures = language.startsWith("zh") ? null
                : new Screenshots("pages/" + language, screen).clean();
        PageWalk walk = new PageWalk(env, env.newUser("pages-" + screen.folder + "-" + language), language);
        VigiSettings.with(env, Map.of("recoveryCodes", "optional"), () -> {
            try (Browser browser = Browser.start(screen, pictures, language)) {
                Totp phone = walk.turnOn(browser);
                walk.openTurnOffAndCancel(browser);
                walk.signOut(browser);
                walk.signInPastAWrongCodeAndTheRecoveryPage(browser, phone);
                walk.signOut(browser);
                walk.loseThePhone(browser);
            }
            Mail mail = walk.lostPhoneMail();
            try (Browser other = Browser.start(screen, pictures, language)) {
                walk.turnOffFromTheLink(other, mail);
                walk.reportThisWasntMe(other);
                walk.signInWithANewPassword(other);
                walk.declineTheStepUp(other);
            }
        });
    }
}

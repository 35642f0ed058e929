package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigi2fa.it.browser.pages.ActivityPage;
import org.vigi2fa.it.browser.pages.CodePage;
import org.vigi2fa.it.browser.pages.LoginPage;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.Flows;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.browser.Screenshots;
import org.vigi2fa.testing.http.WebSession;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * "Recent security activity" in a real browser, on a desktop window and a 390 px phone, in English and German: the
 * rows of a user who signed in from a phone and a laptop, the times shown in the browser's zone (the script replaced
 * the server's UTC text), no sideways scrolling, and "Back to account settings" back at the application. Pictured whole
 * in target/screenshots/activity/{en,de}/{desktop,phone}.
 */
@VigiTest
class ActivityPageBrowserIT {

    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Mobile Safari/537.36";

    static Stream<Arguments> screensAndLanguages() {
        return Stream.of(Screen.DESKTOP, Screen.PHONE).flatMap(screen -> Stream.of(Arguments.of(screen, "en"), Arguments.of(screen, "de")));
    }

    @ParameterizedTest
    @MethodSource("screensAndLanguages")
    void thePageShowsTheRowsInTheBrowsersZone(Screen screen, String language, VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("activity-" + screen.folder + "-" + language);
        OAuth http = new OAuth(env.realmUrl());
        Flows.signInWithCode(http, new WebSession(env.baseUrl()).header("User-Agent", PHONE),
                http.authRequest(VigiClient.VIGI_APP), enrolled.user(), enrolled.totp().now(-1));
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD, "kc_action", "vigi-2fa-activity", "ui_locales", language);
        try (Browser browser = Browser.start(screen, new Screenshots("activity/" + language, screen).clean(), language)) {
            LoginPage.open(browser, request).signIn(enrolled.user());
            new CodePage(browser).assertCurrent().enterCode(enrolled.totp().now());
            ActivityPage page = new ActivityPage(browser).assertCurrent();
            PageVoice.assertOwnWords(browser, language);
            List<String> times = page.times();
            assertTrue(times.size() >= 2, "the phone's and this browser's sign-ins: " + browser.bodyText());
            assertFalse(times.stream().anyMatch(time -> time.endsWith("UTC")), "shown in the browser's zone: " + times);
            page.back();
            browser.awaitUntil("back at the application", () -> browser.url().startsWith(VigiClient.VMS_CLOUD.redirectUri));
        }
    }
}

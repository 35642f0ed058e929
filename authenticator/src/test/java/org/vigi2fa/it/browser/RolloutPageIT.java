package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigi2fa.it.browser.pages.LoginPage;
import org.vigi2fa.it.rollout.RolloutSupport;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.browser.Screenshots;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * The rollout page in headless Chromium, desktop and phones, in English and German: after the password, why, the
 * deadline in the browser's language and zone, "Turn it on now" and "Remind me later (3 left)"; "later" goes back to the
 * application. Screenshots into target/screenshots/rollout and rollout-de.
 */
@VigiTest
class RolloutPageIT {

    static Stream<Arguments> screensAndLanguages() {
        return Stream.of(Screen.values()).flatMap(screen -> Stream.of(Arguments.of(screen, "en"), Arguments.of(screen, "de")));
    }

    @ParameterizedTest
    @MethodSource("screensAndLanguages")
    void aCoveredUserIsAskedAndMayPostpone(Screen screen, String language, VigiEnvironment env) {
        TestUser user = env.newUser("rollout-page-" + screen.folder + "-" + language);
        Map<String, String> before = RolloutSupport.policy(env, Map.of("groups", RolloutSupport.groupOf(env, user.id()),
                "graceDays", "14"));
        OAuth oauth = new OAuth(env.realmUrl());
        OAuth.AuthRequest request = oauth.authRequest(VigiClient.VMS_CLOUD);
        try (Browser browser = Browser.start(screen, new Screenshots("en".equals(language) ? "rollout" : "rollout-" + language, screen).clean(),
                language)) {
            LoginPage.open(browser, request).signIn(user);
            browser.awaitPage(RolloutSupport.PAGE);
            String deadline = browser.find("#vigi-rollout-deadline time").getText();
            assertFalse(deadline.endsWith("UTC"), "the deadline in the browser's zone, not the server's UTC text: " + deadline);
            assertTrue(browser.find("#vigi-rollout-later").getText().contains("en".equals(language) ? "(3 left)" : "(noch 3)"),
                    browser.bodyText());
            browser.arrived(RolloutSupport.PAGE);
            browser.click("#vigi-rollout-later");
            SignInEnd.assertBackAtClient(browser, oauth, request, user);
        } finally {
            RolloutSupport.restore(env, before);
        }
    }
}

package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigi2fa.it.browser.pages.LoginPage;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.browser.Screenshots;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/** In Chromium: a client asks acr_values=2 of a user without 2FA; the page says so, fits the screen, and its button starts the enrolment. */
@VigiTest
class StepUpPageIT {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theNeededPageLeadsToTheEnrolment(Screen screen, VigiEnvironment env) {
        TestUser plain = env.newUser("needed-" + screen.name().toLowerCase());
        OAuth.AuthRequest request = new OAuth(env.realmUrl()).authRequest(VigiClient.VMS_CLOUD, "acr_values", "2");
        try (Browser browser = Browser.start(screen, new Screenshots("stepup", screen).clean())) {
            LoginPage.open(browser, request).signIn(plain);
            browser.awaitPage("login-vigi-2fa-needed");
            assertTrue(browser.find("#vigi-needed-text").getText().contains("VIGI VMS Cloud"), browser.bodyText());
            browser.arrived("login-vigi-2fa-needed");
            browser.click("#vigi-needed-enable");
            browser.awaitPage("login-vigi-2fa-enable-confirm");
            browser.arrived("login-vigi-2fa-enable-confirm");
        }
    }
}

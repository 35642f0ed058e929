package org.vigi2fa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.vigi2fa.it.browser.pages.AccountConsole;
import org.vigi2fa.it.browser.pages.CodePage;
import org.vigi2fa.it.browser.pages.DeleteCredentialPage;
import org.vigi2fa.it.browser.pages.InfoPage;
import org.vigi2fa.it.browser.pages.LoginPage;
import org.vigi2fa.it.browser.pages.LogoutConfirmPage;
import org.vigi2fa.testing.EnrolledUser;
import org.vigi2fa.testing.VigiEnvironment;
import org.vigi2fa.testing.VigiTest;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.browser.Screen;
import org.vigi2fa.testing.browser.Screenshots;
import org.vigi2fa.testing.oauth.OAuth;
import org.vigi2fa.testing.oauth.VigiClient;

/**
 * A trusted device in Chromium: the box on the code page, the next sign-in with the password alone (the real browser
 * sends the Secure, HttpOnly, SameSite=Strict cookie with the password form), the device listed under "Signing in"
 * with its last use and expiry formatted as the console formats "Created", and removed there ("Remove", on the
 * console's button and on Keycloak's own confirm page).
 */
@VigiTest
class TrustedDeviceConsoleIT {

    @Test
    void theAccountConsoleListsAndRemovesATrustedDevice(VigiEnvironment env) {
        EnrolledUser enrolled = env.newUserWithOtp("console-trust");
        OAuth oauth = new OAuth(env.realmUrl());
        try (Browser browser = Browser.start(Screen.DESKTOP, new Screenshots("trusted-devices", Screen.DESKTOP).clean())) {
            OAuth.AuthRequest first = oauth.authRequest(VigiClient.VMS_CLOUD);
            LoginPage.open(browser, first).signIn(enrolled.user());
            new CodePage(browser).assertCurrent().enterCodeTrustingThisDevice(enrolled.totp().now());
            SignInEnd.assertBackAtClient(browser, oauth, first, enrolled.user());

            browser.open(env.realmUrl() + "/protocol/openid-connect/logout");
            new LogoutConfirmPage(browser).assertCurrent().logOut();
            new InfoPage(browser).assertCurrent();
            OAuth.AuthRequest second = oauth.authRequest(VigiClient.VMS_CLOUD);
            LoginPage.open(browser, second).signIn(enrolled.user());
            SignInEnd.assertBackAtClient(browser, oauth, second, enrolled.user());

            AccountConsole console = new AccountConsole(browser).open(env.realmUrl()).goToSigningIn();
            List<String> labels = console.awaitTrustedDevices();
            assertEquals(1, labels.size(), labels.toString());
            assertTrue(labels.get(0).contains("Chrome"), "a readable label: " + labels);
            JsonNode stored = storedDevice(env, enrolled.user().id());
            assertEquals("Last used " + console.asTheConsoleFormats(stored.path("lastUsed").asLong(), "en") + ", trusted until "
                    + console.asTheConsoleFormats(stored.path("expires").asLong(), "en"), console.firstTrustedDeviceInfo());
            // one word from the console's button to Keycloak's confirm page
            assertEquals("Remove", console.trustedDeviceRemoveText());
            console.removeFirstTrustedDevice();
            DeleteCredentialPage confirm = new DeleteCredentialPage(browser).assertCurrent();
            assertEquals("Remove " + labels.get(0), confirm.title());
            assertEquals(List.of("Remove", "Cancel"), confirm.buttons());
            confirm.confirm();
            console.awaitNoTrustedDevice();
        }
        assertTrue(env.realm().users().get(enrolled.user().id()).credentials().stream()
                .noneMatch(c -> "vigi-trusted-device".equals(c.getType())), "removed from the store");
    }

    /** The stored data of the user's one trusted device (last use and expiry in epoch milliseconds). */
    private static JsonNode storedDevice(VigiEnvironment env, String userId) {
        String data = env.realm().users().get(userId).credentials().stream().filter(c -> "vigi-trusted-device".equals(c.getType()))
                .findFirst().orElseThrow().getCredentialData();
        try {
            return new ObjectMapper().readTree(data);
        } catch (JsonProcessingException e) {
            throw new AssertionError(data, e);
        }
    }
}

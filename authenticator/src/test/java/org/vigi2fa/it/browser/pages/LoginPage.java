package org.vigi2fa.it.browser.pages;

import org.openqa.selenium.support.ui.Select;
import org.vigi2fa.testing.TestUser;
import org.vigi2fa.testing.browser.Browser;
import org.vigi2fa.testing.oauth.OAuth;

/** Keycloak's username and password page (login.ftl). */
public final class LoginPage extends KeycloakPage<LoginPage> {

    public LoginPage(Browser browser) {
        super(browser);
    }

    @Override
    public String pageId() {
        return "login-login";
    }

    /** Opens the application's authorization request in the browser: this page. */
    public static LoginPage open(Browser browser, OAuth.AuthRequest request) {
        browser.open(request.url());
        return new LoginPage(browser).assertCurrent();
    }

    public void signIn(TestUser user) {
        signIn(user.username(), user.password());
    }

    public void signIn(String username, String password) {
        browser.type("#username", username);
        browser.type("#password", password);
        browser.click("#kc-login");
    }

    /** Picks a language in the page's language menu by its tag, e.g. "ru"; the page reloads in it. */
    public void chooseLanguage(String languageTag) {
        browser.js("document.documentElement.setAttribute('data-vigi-left', 'true');");
        Select menu = new Select(browser.find("#login-select-toggle"));
        String value = menu.getOptions().stream().map(o -> o.getAttribute("value"))
                .filter(v -> v.contains("kc_locale=" + languageTag + "&") || v.endsWith("kc_locale=" + languageTag))
                .findFirst().orElseThrow(() -> new AssertionError("No " + languageTag + " in the language menu"));
        menu.selectByValue(value);
    }
}

package org.vigi2fa.it.browser.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigi2fa.testing.browser.Browser;

/**
 * Keycloak's account console (a React app at /realms/vigi/account, VIGI account theme): the way to "Set up
 * authenticator application", what "Signing in" shows about the authenticator once 2FA is on, and the trusted devices.
 */
public final class AccountConsole {

    private static final String SIGNING_IN_LINK = "a[data-testid='account-security/signing-in']";
    private static final String SET_UP_OTP = "button[data-testid='otp/create']";
    private static final String TRUSTED_DEVICES = "[data-testid='vigi-trusted-device/credential-list']";
    private static final String OTP_LIST = "[data-testid='otp/credential-list']";
    private static final String OTP_ROW = OTP_LIST + " .pf-v5-c-data-list__item";

    private final Browser browser;

    public AccountConsole(Browser browser) {
        this.browser = browser;
    }

    /** Opens the console (signed in already) and waits until its navigation has rendered. */
    public AccountConsole open(String realmUrl) {
        browser.open(realmUrl + "/account");
        browser.awaitUntil("the account console", () -> browser.has(SIGNING_IN_LINK) && browser.has("#nav-toggle"));
        browser.arrived("account-console");
        return this;
    }

    /** "Account security" → "Signing in", through the side navigation (opened first on a phone). */
    public AccountConsole goToSigningIn() {
        if (!navigationOpen()) {
            browser.find("#nav-toggle").click();
            browser.awaitUntil("the navigation", this::navigationOpen);
        }
        if (!browser.find(SIGNING_IN_LINK).isDisplayed()) {
            browser.driver().findElements(By.cssSelector("button.pf-v5-c-nav__link")).stream()
                    .filter(b -> b.getText().contains("Account security")).findFirst()
                    .orElseThrow(() -> new AssertionError("No 'Account security' in the navigation: " + browser.bodyText()))
                    .click();
            browser.awaitUntil("'Signing in' in the navigation", () -> browser.find(SIGNING_IN_LINK).isDisplayed());
        }
        browser.find(SIGNING_IN_LINK).click();
        return awaitSigningIn("account-signing-in", false);
    }

    /** After 2FA was turned on, Keycloak returns to "Signing in", which now lists the authenticator app. */
    public AccountConsole awaitAuthenticatorAppListed() {
        return awaitSigningIn("account-signing-in-2fa-on", true);
    }

    private AccountConsole awaitSigningIn(String screenshotName, boolean withAuthenticatorApp) {
        browser.awaitUntil("the Signing in page" + (withAuthenticatorApp ? " listing the authenticator app" : ""),
                () -> browser.url().contains("/account/account-security/signing-in") && browser.has(OTP_LIST)
                        && (!withAuthenticatorApp || listsAuthenticatorApp()));
        if (browser.screen().mobile && navigationOpen()) {
            // On a phone the navigation stays over the page; close it as a user would.
            browser.find("#nav-toggle").click();
            browser.awaitUntil("the navigation to close", () -> !navigationOpen());
        }
        if (withAuthenticatorApp) {
            return showAuthenticator(screenshotName);
        }
        browser.arrived(screenshotName);
        return this;
    }

    /** Scrolls the authenticator's row into view and pictures the page under this name. */
    public AccountConsole showAuthenticator(String screenshotName) {
        browser.js("document.querySelector(\"" + OTP_LIST + "\").scrollIntoView({block: 'center'});");
        browser.arrived(screenshotName);
        return this;
    }

    /** "Set up authenticator application" (on a phone it sits in the section's kebab menu). */
    public void setUpAuthenticatorApp() {
        WebElement button = browser.find(SET_UP_OTP);
        if (button.isDisplayed()) {
            button.click();
            return;
        }
        button.findElement(By.xpath("preceding-sibling::button")).click();
        browser.awaitUntil("the set-up menu item", () -> setUpMenuItem() != null);
        setUpMenuItem().click();
    }

    /** Whether the console lists an authenticator application credential under "Signing in". */
    public boolean listsAuthenticatorApp() {
        return browser.driver().findElements(By.cssSelector("[data-testid='otp/credential-list'] [data-testrole='label']"))
                .stream().anyMatch(WebElement::isDisplayed);
    }

    /** The labels of the trusted devices listed under "Signing in", once the list has rendered (scrolled into view). */
    public List<String> awaitTrustedDevices() {
        browser.awaitUntil("the trusted devices", () -> !trustedDeviceLabels().isEmpty());
        browser.js("document.querySelector(\"" + TRUSTED_DEVICES + "\").scrollIntoView({block: 'center'});");
        browser.arrived("account-signing-in-trusted-device");
        return trustedDeviceLabels();
    }

    /** The remove button's text next to the first trusted device. */
    public String trustedDeviceRemoveText() {
        return browser.driver().findElement(By.cssSelector(TRUSTED_DEVICES + " [data-testrole='remove']")).getText().trim();
    }

    /** "Remove" next to the first trusted device: Keycloak's delete_credential action. */
    public void removeFirstTrustedDevice() {
        browser.driver().findElement(By.cssSelector(TRUSTED_DEVICES + " [data-testrole='remove']")).click();
    }

    /** Waits until "Signing in" lists no trusted device any more. */
    public void awaitNoTrustedDevice() {
        browser.awaitUntil("the Signing in page without trusted devices",
                () -> browser.url().contains("/account/account-security/signing-in") && browser.has(OTP_LIST) && !browser.has(TRUSTED_DEVICES));
        browser.arrived("account-signing-in-trusted-device-removed");
    }

    private List<String> trustedDeviceLabels() {
        return browser.driver().findElements(By.cssSelector(TRUSTED_DEVICES + " [data-testrole='label']")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    /** Whether "Set up authenticator application" is offered (as a button, or on a phone in the kebab menu). */
    public boolean offersSetUp() {
        return browser.has(SET_UP_OTP);
    }

    /** The name the console shows for the user's authenticator. */
    public String authenticatorLabel() {
        return browser.find(OTP_ROW + " [data-testrole='label']").getText().trim();
    }

    /** The authenticator's info line (when and where it last signed in), as the console shows it. */
    public String authenticatorInfo() {
        return browser.find(OTP_ROW + " [data-testrole='warning-message'] p").getText().trim();
    }

    /** The console's own "Created ..." of the authenticator. */
    public String authenticatorCreated() {
        return browser.find(OTP_ROW + " [data-testrole='created-at']").getText().trim();
    }

    /** Whether the authenticator's row has a list of details beside its info line (a second, repeated date). */
    public boolean authenticatorHasDetailsList() {
        return browser.has(OTP_ROW + " .pf-v5-c-description-list");
    }

    /** The info line of the first trusted device. */
    public String firstTrustedDeviceInfo() {
        return browser.find(TRUSTED_DEVICES + " [data-testrole='warning-message'] p").getText().trim();
    }

    /**
     * A time as the console formats its own "Created": {@code toLocaleString} in the console's language with a long
     * date and a short time, in the browser's time zone.
     */
    public String asTheConsoleFormats(long epochMillis, String language) {
        return (String) browser.js("return new Date(arguments[0]).toLocaleString(arguments[1], {dateStyle: 'long', timeStyle: 'short'});",
                epochMillis, language);
    }

    /** The text of the authenticator's remove button. */
    public String removeButtonText() {
        return removeButton().getText().trim();
    }

    /** The remove button ("Remove"): Keycloak's delete_credential action, which the VIGI turn-off page answers. */
    public void turnOff() {
        removeButton().click();
    }

    /** Whether the header shows the VIGI logo (the account theme's image, loaded). */
    public boolean showsVigiLogo() {
        Object ok = browser.js("const i = document.querySelector('.pf-v5-c-masthead img');"
                + "return !!i && i.src.endsWith('/img/vigi-logo.svg') && i.complete && i.naturalWidth > 0;");
        return Boolean.TRUE.equals(ok);
    }

    private WebElement removeButton() {
        return browser.find(OTP_ROW + " button[data-testrole='remove']");
    }

    private WebElement setUpMenuItem() {
        return browser.driver().findElements(By.cssSelector("[role=menuitem], .pf-v5-c-menu__item")).stream()
                .filter(WebElement::isDisplayed).filter(e -> e.getText().contains("Authenticator")).findFirst().orElse(null);
    }

    private boolean navigationOpen() {
        return "true".equals(browser.find("#nav-toggle").getAttribute("aria-expanded"))
                && browser.driver().findElements(By.cssSelector("#page-sidebar, .pf-v5-c-page__sidebar")).stream()
                        .anyMatch(WebElement::isDisplayed);
    }
}

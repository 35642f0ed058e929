package org.vigi2fa.it.browser.pages;

import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigi2fa.testing.browser.Browser;

/** A page rendered by the login theme, known by its page id ("login-" + template name). */
public abstract class KeycloakPage<P extends KeycloakPage<P>> {

    protected final Browser browser;

    protected KeycloakPage(Browser browser) {
        this.browser = browser;
    }

    public Browser browser() {
        return browser;
    }

    /** The body's data-page-id this page carries. */
    public abstract String pageId();

    /** Waits until the browser shows this page, checks it fits the screen, and screenshots it. */
    @SuppressWarnings("unchecked")
    public P assertCurrent() {
        browser.awaitPage(pageId());
        browser.arrived(pageId());
        return (P) this;
    }

    /** Visible texts announced to screen readers (role=alert or aria-live): errors, and statuses such as "mail sent". */
    public List<String> announcedMessages() {
        return browser.driver().findElements(By.cssSelector("[role=alert], [aria-live]")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toList());
    }

    /**
     * Visible form fields (not hidden, not buttons) without a label bound by for=id, aria-label or aria-labelledby.
     * Skips keycloak.v2's own read-only "signed in as" field (#kc-attempted-username, template.ftl), which is
     * Keycloak's markup, not ours.
     */
    public List<String> fieldsWithoutLabel() {
        @SuppressWarnings("unchecked")
        List<String> missing = (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('input, select, textarea'))"
                        + ".filter(e => e.type !== 'hidden' && !e.hidden && e.offsetParent !== null && e.type !== 'submit' && e.type !== 'button')"
                        + ".filter(e => e.id !== 'kc-attempted-username')"
                        + ".filter(e => !((e.id && document.querySelector('label[for=\"' + CSS.escape(e.id) + '\"]'))"
                        + "   || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')))"
                        + ".map(e => e.outerHTML);");
        return missing;
    }

    /** Whether a text field shows a focus ring (outline of 2px or more, or a box shadow) once it has the focus. */
    public boolean showsFocus(String css) {
        Object visible = browser.js("const e = arguments[0]; e.focus(); const s = getComputedStyle(e);"
                + "return document.activeElement === e && e.matches(':focus-visible')"
                + " && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none');", browser.find(css));
        return Boolean.TRUE.equals(visible);
    }

    /** Whether pressing Tab in one field moves the focus to the given control, which then shows a focus ring. */
    public boolean tabMovesVisibleFocus(String fromCss, String toCss) {
        browser.find(fromCss).sendKeys(org.openqa.selenium.Keys.TAB);
        Object visible = browser.js("const e = arguments[0]; const s = getComputedStyle(e);"
                + "return document.activeElement === e && e.matches(':focus-visible')"
                + " && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none');", browser.find(toCss));
        return Boolean.TRUE.equals(visible);
    }

    /** The page's heading (h1). */
    public String title() {
        return browser.find("#kc-page-title").getText().trim();
    }

    public String lang() {
        return String.valueOf(browser.js("return document.documentElement.lang;"));
    }
}

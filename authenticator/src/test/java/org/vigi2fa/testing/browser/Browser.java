package org.vigi2fa.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One real browser window (fresh profile) on one screen, with the checks every page of the journey gets. */
public final class Browser implements AutoCloseable {

    /** How long a page may take to appear on a shared, busy machine; a wait, never a sleep. */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(45);

    private final WebDriver driver;
    private final Path profile;
    private final Screen screen;
    private final Screenshots screenshots;

    private Browser(WebDriver driver, Path profile, Screen screen, Screenshots screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screen = screen;
        this.screenshots = screenshots;
    }

    /** Starts a fresh browser; {@code screenshots} may be null when the test keeps no pictures. */
    public static Browser start(Screen screen, Screenshots screenshots) {
        return start(screen, screenshots, "en-US");
    }

    /** A fresh browser asking for pages in {@code language} (its Accept-Language, e.g. "de"). */
    public static Browser start(Screen screen, Screenshots screenshots, String language) {
        try {
            Path profile = Files.createTempDirectory("vigi-chromium-");
            return new Browser(ChromiumDrivers.start(screen, profile, language), profile, screen, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public Screen screen() {
        return screen;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Clicks, first marking the current document so {@link #awaitPage} waits for the next one, not this one. */
    public void click(String css) {
        WebElement element = find(css);
        js("document.documentElement.setAttribute('data-vigi-left', 'true');");
        element.click();
    }

    /** Replaces a field's text. */
    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Keycloak's page id (data-page-id on body: "login-" + template name), or "" on other pages. */
    public String pageId() {
        Object id = js("return document.body ? (document.body.getAttribute('data-page-id') || '') : '';");
        return id == null ? "" : id.toString();
    }

    /** Waits until the page with this Keycloak page id has loaded; fails with what the browser shows instead. */
    public void awaitPage(String pageId) {
        awaitUntil("page " + pageId, () -> pageId.equals(pageId())
                && Boolean.TRUE.equals(js("return document.readyState === 'complete'"
                        + " && !document.documentElement.hasAttribute('data-vigi-left');")));
    }

    /** Waits for a condition the page reaches by itself (navigation, a script rendering). */
    public void awaitUntil(String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, PAGE_WAIT).ignoring(RuntimeException.class).until(d -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            throw new AssertionError("Waited for " + what + " but the browser shows " + url() + " (page id '" + pageId()
                    + "'): " + bodyText(), e);
        }
    }

    /** Waits for something outside the browser (e.g. a mail arriving), polling; a wait, never a sleep. */
    public static void awaitCondition(String what, java.util.function.BooleanSupplier condition) {
        try {
            new org.openqa.selenium.support.ui.FluentWait<>(what).withTimeout(PAGE_WAIT).pollingEvery(Duration.ofMillis(200))
                    .until(ignored -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            throw new AssertionError("Waited in vain for " + what, e);
        }
    }

    public String bodyText() {
        Object text = js("return document.body ? document.body.innerText : '';");
        String value = text == null ? "" : text.toString().replaceAll("\\s+", " ").trim();
        return value.length() > 600 ? value.substring(0, 600) + "..." : value;
    }

    /**
     * No horizontal scrolling: the page is not wider than the window (the phone check of every page). On an emulated
     * phone the layout viewport grows to fit a too-wide page (innerWidth follows scrollWidth), so both are also held
     * to the screen's own width.
     */
    public void assertFitsScreen() {
        Number scrollWidth = (Number) js("return document.documentElement.scrollWidth;");
        Number innerWidth = (Number) js("return window.innerWidth;");
        if (scrollWidth.intValue() > innerWidth.intValue() || scrollWidth.intValue() > screen.width
                || innerWidth.intValue() > screen.width) {
            throw new AssertionError(url() + " (" + pageId() + ") scrolls sideways on " + screen + ": scrollWidth "
                    + scrollWidth + ", innerWidth " + innerWidth + ", screen " + screen.width);
        }
    }

    /**
     * No word of a heading broken across two lines: a long German compound at 360 px must break where the bundle
     * allows it (a hyphen or a soft hyphen), not mid-syllable. Chinese breaks between any two characters.
     */
    public void assertHeadingsKeepWords() {
        Object split = js("""
                const split = [];
                for (const heading of document.querySelectorAll('h1, h2')) {
                  const texts = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
                  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
                    let lineTop = null; // the line of the previous letter of this word
                    for (let i = 0; i < node.data.length; i++) {
                      if (/[\\s\\u00AD\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF-]/.test(node.data[i])) {
                        lineTop = null; // a space, a hyphen, a soft hyphen, a CJK character: a line may start here
                        continue;
                      }
                      const range = document.createRange();
                      range.setStart(node, i);
                      range.setEnd(node, i + 1);
                      const rects = [...range.getClientRects()].filter(r => r.width > 0);
                      const top = rects.length ? Math.round(rects[rects.length - 1].top) : lineTop;
                      if (lineTop !== null && top !== lineTop) split.push(node.data.substring(Math.max(0, i - 10), i + 10));
                      lineTop = top;
                    }
                  }
                }
                return split.join(', ');""");
        if (split != null && !split.toString().isEmpty()) {
            throw new AssertionError(url() + " (" + pageId() + ") breaks heading words mid-word on " + screen + ": " + split);
        }
    }

    /** Checks the width and the headings, then saves a screenshot named after the page. */
    public void arrived(String name) {
        assertFitsScreen();
        assertHeadingsKeepWords();
        if (screenshots != null) {
            screenshots.take(driver, name);
        }
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}

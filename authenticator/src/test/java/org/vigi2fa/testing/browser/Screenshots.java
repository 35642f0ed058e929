package org.vigi2fa.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Base64;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * Numbered PNGs of one journey on one screen, in -Dvigi.screenshots.dir (target/screenshots) / screen folder,
 * e.g. phone/03-login-vigi-2fa-code.png; shared by every browser of the journey so the numbers tell the story.
 * A page seen again later in the journey (a second sign-in) is not pictured twice. Each picture is the whole page, as
 * tall and as wide as its content, not the window: what lies below the fold or past the screen's edge shows too.
 */
public final class Screenshots {

    private final Path folder;
    private final Screen screen;
    private final java.util.Set<String> taken = new java.util.HashSet<>();
    private int next = 1;

    public Screenshots(Screen screen) {
        this.folder = Path.of(System.getProperty("vigi.screenshots.dir", "target/screenshots")).resolve(screen.folder);
        this.screen = screen;
    }

    /** The pictures of another journey than the main one, in their own folder (e.g. trusted-devices/desktop). */
    public Screenshots(String journey, Screen screen) {
        this.folder = Path.of(System.getProperty("vigi.screenshots.dir", "target/screenshots")).resolve(journey).resolve(screen.folder);
        this.screen = screen;
    }

    /** Saves the whole page the browser shows now; returns the file, or null if pictured already. */
    public synchronized Path take(WebDriver driver, String name) {
        if (!taken.add(name)) {
            return null;
        }
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(String.format("%02d-%s.png", next++, name));
            Files.write(file, fullPage((ChromiumDriver) driver));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The window made as tall as the page while it is pictured (so a fixed background covers it all, as it does for a
     * person scrolling), then Chrome DevTools' capture of the content's whole size in CSS pixels, wider than the
     * screen too if the page is; the window gets its screen's height back afterwards.
     */
    private byte[] fullPage(ChromiumDriver driver) {
        viewport(driver, Math.max(screen.height, (int) Math.ceil(content(driver, "height"))));
        try {
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", Math.ceil(content(driver, "width")), "height", Math.ceil(content(driver, "height")));
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } finally {
            viewport(driver, screen.height);
        }
    }

    private void viewport(ChromiumDriver driver, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width, "height", height,
                "deviceScaleFactor", 1, "mobile", screen.mobile));
    }

    private static double content(ChromiumDriver driver, String dimension) {
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        return ((Number) content.get(dimension)).doubleValue();
    }

    /** Removes the PNGs of an earlier run of this journey so the folder shows one journey. */
    public Screenshots clean() {
        try {
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    for (Path png : files.filter(p -> p.toString().endsWith(".png")).toList()) {
                        Files.delete(png);
                    }
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

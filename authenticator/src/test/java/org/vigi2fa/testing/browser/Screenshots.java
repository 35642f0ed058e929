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
    private final java.util.Set<String> taken = new java.util.HashSet<>();
    private int next = 1;

    public Screenshots(Screen screen) {
        this.folder = Path.of(System.getProperty("vigi.screenshots.dir", "target/screenshots")).resolve(screen.folder);
    }

    /** The pictures of another journey than the main one, in their own folder (e.g. trusted-devices/desktop). */
    public Screenshots(String journey, Screen screen) {
        this.folder = Path.of(System.getProperty("vigi.screenshots.dir", "target/screenshots")).resolve(journey).resolve(screen.folder);
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

    /** Chrome DevTools' capture beyond the viewport, clipped to the content's size in CSS pixels. */
    private static byte[] fullPage(ChromiumDriver driver) {
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", Math.ceil(((Number) content.get("width")).doubleValue()),
                "height", Math.ceil(((Number) content.get("height")).doubleValue()));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Base64.getDecoder().decode((String) shot.get("data"));
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

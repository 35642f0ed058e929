package org.vigi2fa.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Numbered PNGs of one journey on one screen, in -Dvigi.screenshots.dir (target/screenshots) / screen folder,
 * e.g. phone/03-login-vigi-2fa-code.png; shared by every browser of the journey so the numbers tell the story.
 * A page seen again later in the journey (a second sign-in) is not pictured twice.
 */
public final class Screenshots {

    private final Path folder;
    private final java.util.Set<String> taken = new java.util.HashSet<>();
    private int next = 1;

    public Screenshots(Screen screen) {
        this.folder = Path.of(System.getProperty("vigi.screenshots.dir", "target/screenshots")).resolve(screen.folder);
    }

    /** A journey of its own, in a sub-folder, e.g. recovery/phone/02-login-vigi-2fa-recovery-codes.png. */
    public Screenshots(String journey, Screen screen) {
        this.folder = Path.of(System.getProperty("vigi.screenshots.dir", "target/screenshots")).resolve(journey).resolve(screen.folder);
    }

    /** Saves what the browser shows now (the viewport, at the screen's size); returns the file, or null if pictured already. */
    public synchronized Path take(WebDriver driver, String name) {
        if (!taken.add(name)) {
            return null;
        }
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(String.format("%02d-%s.png", next++, name));
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

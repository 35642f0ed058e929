package org.vigi2fa.testing.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, both named explicitly so Selenium Manager never runs
 * and nothing is downloaded. Paths can be moved with -Dvigi.chromium / -Dvigi.chromedriver.
 */
public final class ChromiumDrivers {

    public static final String CHROMIUM = System.getProperty("vigi.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("vigi.chromedriver", "/usr/bin/chromedriver");

    private ChromiumDrivers() {
    }

    /** A fresh browser (own profile directory) sized for the screen, asking for pages in English. */
    public static ChromeDriver start(Screen screen, Path profileDir) {
        return start(screen, profileDir, "en-US");
    }

    /** A fresh browser sized for the screen whose Accept-Language asks for {@code language} (e.g. "de", "zh-CN"). */
    public static ChromeDriver start(Screen screen, Path profileDir, String language) {
        for (String binary : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: apt-get install -y chromium chromium-driver (.ci/run does)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--lang=" + language, "--user-data-dir=" + profileDir.toAbsolutePath(),
                "--window-size=" + screen.width + "," + screen.height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        if (screen.mobile) {
            // A phone viewport: device width, touch, and the page's meta viewport honoured as on a real phone.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", screen.width, "height", screen.height, "pixelRatio", 1.0, "touch", true, "mobile", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        if (!screen.mobile) {
            // The viewport itself at the screen's size (a window size would include the window's frame).
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width,
                    "height", screen.height, "deviceScaleFactor", 1, "mobile", false));
        }
        return driver;
    }
}

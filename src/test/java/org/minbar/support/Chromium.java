package org.minbar.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver, both named by path so that
 * Selenium Manager never looks for (or downloads) a browser or a driver of its own. The build
 * installs them (src/test/setup/install-test-tools.sh) before the integration tests.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;
    /** A common phone's viewport in CSS pixels. */
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;

    // On this closed network Chromium's background connections are refused, so every one is
    // switched off; --no-sandbox because the tests run as root.
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--lang=ar", "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);

    // The DevTools commands here go through ChromeDriver (executeCdpCommand), not Selenium's
    // per-version devtools modules, so their absence for Debian's Chromium is not worth a warning.
    private static final Logger CDP_VERSIONS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A new browser whose profile lives in the given (empty, temporary) folder. */
    public static Chromium start(Path profile) {
        for (Path program : List.of(BINARY, DRIVER)) {
            if (!Files.isExecutable(program)) {
                throw new AssertionError(program + " is missing: install Debian's chromium and chromium-driver "
                        + "(src/test/setup/install-test-tools.sh does, and mvn verify runs it)");
            }
        }
        CDP_VERSIONS.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options));
    }

    /** Loads a page at the desktop window's size. */
    public void desktop(String url) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.get(url);
    }

    /** Loads a page as a phone shows it: a narrow viewport that honours the page's meta viewport. */
    public void phone(String url) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT,
                "deviceScaleFactor", 2, "mobile", true));
        driver.get(url);
    }

    /** The whole page, not only what the viewport shows, as a PNG file as wide as the viewport. */
    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        // An explicit clip of the whole page: without one, Chromium sometimes measures an emulated
        // phone's viewport as 0 pixels wide and refuses the capture.
        List<Number> size = script("return [innerWidth, document.documentElement.scrollHeight]");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get(0), "height", size.get(1), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Runs a script in the page and returns what it returns, as Selenium maps it to Java. */
    @SuppressWarnings("unchecked")
    public <T> T script(String script, Object... arguments) {
        return (T) driver.executeScript(script, arguments);
    }

    /**
     * Runs an asynchronous script in the page: it gets a callback as its last argument and is waited
     * for (at most 60 s) until it calls it; returns what it passed.
     */
    @SuppressWarnings("unchecked")
    public <T> T asyncScript(String script, Object... arguments) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return (T) driver.executeAsyncScript(script, arguments);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

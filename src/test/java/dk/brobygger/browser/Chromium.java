package dk.brobygger.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its chromedriver, never anything Selenium Manager would download.
 * Where they are missing the browser tests are skipped, unless {@code BROBYGGER_BROWSER_REQUIRED=true}
 * (set in CI), where a missing browser fails the build instead of hiding the tests.
 */
final class Chromium {

    static final String BINARY = setting("brobygger.chromium", "BROBYGGER_CHROMIUM", "/usr/bin/chromium");
    static final String DRIVER = setting("brobygger.chromedriver", "BROBYGGER_CHROMEDRIVER", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Skips (or in CI fails) when Chromium or chromedriver is not installed. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER));
        String message = "Chromium (" + BINARY + ") and chromedriver (" + DRIVER + ") are needed for the browser tests;"
                + " install them with: apt-get install chromium chromium-driver";
        if (!installed && required()) {
            throw new IllegalStateException(message + " (BROBYGGER_BROWSER_REQUIRED=true)");
        }
        Assumptions.assumeTrue(installed, message + " - skipping");
    }

    static ChromeDriver start(Path profile) {
        System.setProperty("webdriver.chrome.driver", DRIVER);
        var options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=da-DK", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static Path freshProfile() {
        try {
            return Files.createTempDirectory("brobygger-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean required() {
        return Boolean.parseBoolean(setting("brobygger.browser.required", "BROBYGGER_BROWSER_REQUIRED", "false"));
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property, System.getenv(environment));
        return value == null || value.isBlank() ? fallback : value;
    }
}

package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dk.brobygger.TestDatabaseProfiles;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a journey test stands on: the application on a random port, one headless Chromium per test class
 * with a fresh profile, logging in as a demo user, waiting up to 10 s for a page to settle, and checking a
 * page: a screenshot in {@code target/screenshots}, no serious or critical WCAG 2.1 AA violations, no
 * horizontal scrolling on a 360 px phone, and no user name or internal code where a person's name or a Danish
 * label belongs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
abstract class BrowserJourney {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static Path profile;
    static ChromeDriver browser;

    @LocalServerPort int port;

    @BeforeAll
    static void startChromium() throws IOException {
        Chromium.assumeInstalled();
        profile = Chromium.freshProfile();
        browser = Chromium.start(profile);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            profile = null;
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits until the login has finished (session cookie set), so the next address opened is seen logged in. */
    void logIn(String username) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        waitUntil(() -> !browser.getCurrentUrl().contains("/login"));
    }

    String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    void checkPage(String name) throws IOException {
        screenshot(name);
        List<Rule> serious = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser).getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertThat(serious).as("serious or critical accessibility problems on %s:%n%s", browser.getCurrentUrl(),
                describe(serious)).isEmpty();
        fitsAPhone();
        namesPeopleAndThingsInWords();
    }

    /** The narrowest phone the pages are made for. */
    static final int PHONE_WIDTH = 360;

    /**
     * The page fits a 360 px phone without scrolling sideways (WCAG 1.4.10 Reflow): the document is no wider than
     * the window. The phone is emulated for the check only, so the journey goes on at its own size.
     */
    void fitsAPhone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", 740,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            // Measured against the phone's width itself: a mobile browser widens its layout viewport (and
            // window.innerWidth with it) to a page that is too wide, so comparing with innerWidth could never fail.
            Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
            if (scrollWidth.longValue() > PHONE_WIDTH) {
                String widest = (String) browser.executeScript("""
                        const limit = %d;
                        return Array.from(document.querySelectorAll('body *'))
                          .filter(e => e.getBoundingClientRect().right > limit + 1)
                          .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > limit + 1))
                          .slice(0, 8)
                          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                               + ' right=' + Math.round(e.getBoundingClientRect().right))
                          .join('\\n');
                        """.formatted(PHONE_WIDTH));
                throw new AssertionError("%s scrolls sideways on a %d px phone: the page is %d px wide. Too wide:%n%s"
                        .formatted(browser.getCurrentUrl(), PHONE_WIDTH, scrollWidth.longValue(), widest));
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Demo user names that are no Danish word ("hjemmepleje", "leder" and "akut" are): shown, they stand where a person's name belongs. */
    private static final java.util.regex.Pattern USER_NAMES = java.util.regex.Pattern.compile(
            "\\b(hjemmebesog|redaktoer|faellesteam|medcom|demo|vaert)\\b|\\(system\\)");
    /** Enum constants and codes of the code, in capitals: the page should say them in Danish words. */
    private static final java.util.regex.Pattern CODES = java.util.regex.Pattern.compile(
            "\\b(PRIVATE|PROFESSIONAL|PLANNED|HELD|CANCELLED|PENDING|APPROVED|REJECTED|ALONE|FEMALE|MALE|STAFF|"
            + "MANAGER|ADMIN|EDITOR|ASSOCIATION_EDITOR|CITIZEN|INACTIVE|WITHDRAWN|GIVEN|RELATIVES|REGION)\\b"
            + "|\\b[A-Z]{2,}_[A-Z_]{2,}\\b");

    /**
     * No user name or enum constant in what the page shows (its visible text, header and all), except where the
     * user name is itself the subject and marked {@code .user-name}.
     */
    void namesPeopleAndThingsInWords() {
        // Where the user name is the thing shown (the administrator's user list), the page marks it .user-name.
        String shown = (String) browser.executeScript("""
                let text = document.body.innerText;
                for (const name of document.querySelectorAll('.user-name')) {
                  text = text.split(name.innerText).join('');
                }
                return text;
                """);
        var userName = USER_NAMES.matcher(shown);
        assertThat(userName.find()).as("%s shows the user name '%s' where a person's name belongs:%n%s",
                browser.getCurrentUrl(), userName.find(0) ? userName.group() : "", excerpt(shown, userName)).isFalse();
        var code = CODES.matcher(shown);
        assertThat(code.find()).as("%s shows the code '%s' where a Danish word belongs:%n%s",
                browser.getCurrentUrl(), code.find(0) ? code.group() : "", excerpt(shown, code)).isFalse();
    }

    private static String excerpt(String text, java.util.regex.Matcher matcher) {
        if (!matcher.find(0)) {
            return "";
        }
        int from = Math.max(0, matcher.start() - 80);
        return text.substring(from, Math.min(text.length(), matcher.end() + 80));
    }

    /** The whole page, not just the window, so a reviewer sees what a citizen scrolls through. */
    void screenshot(String name) throws IOException {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", fullPage()));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(locator));
    }

    /** On a timeout the failure names the page and what it showed, for the next reader. */
    void waitUntil(BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, PATIENCE).ignoring(RuntimeException.class)
                    .until(driver -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            String shown = browser.findElements(By.tagName("main")).stream().map(WebElement::getText).findFirst()
                    .orElse("(no main element)");
            throw new AssertionError("Timed out on " + browser.getCurrentUrl() + ", the page showed:\n"
                    + shown.substring(0, Math.min(2000, shown.length())), e);
        }
    }

    private static Map<String, Object> fullPage() {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        var size = (Map<String, Object>) metrics.get("cssContentSize");
        return Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + "\n  "
                + rule.getNodes().stream().map(node -> node.getHtml()).collect(Collectors.joining("\n  ")))
                .collect(Collectors.joining("\n"));
    }
}

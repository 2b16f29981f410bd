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
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dk.brobygger.TestDatabaseProfiles;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An administrator's journey in a real browser: log in, open Brugere from the menu, make a mistake
 * in the new-user form, correct it, and land on the new user's page with its history. Every page
 * must pass axe-core's WCAG 2.1 A and AA rules without serious or critical violations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class AdministratorManagesUsersJourneyTests {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Path profile;
    private static ChromeDriver browser;

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
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void anAdministratorCreatesAUserAndSeesTheHistory() throws Exception {
        String username = "tina-" + UUID.randomUUID().toString().substring(0, 6);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        waitUntil(() -> !browser.getCurrentUrl().contains("/login"));

        browser.findElement(By.linkText("Brugere")).click();
        waitUntil(() -> heading().equals("Brugere"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Anne Administrator");
        checkPage("users-1-list");

        browser.findElement(By.linkText("Opret bruger")).click();
        waitUntil(() -> heading().equals("Opret bruger"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("Tina Testesen");
        browser.findElement(By.cssSelector("form button[type=submit].button-primary")).click();
        waitUntil(() -> browser.findElements(By.cssSelector(".alert-error")).size() == 1);
        assertThat(browser.findElement(By.cssSelector(".alert-error")).getText()).contains("Vælg mindst én rolle.");
        assertThat(browser.findElement(By.id("username")).getDomProperty("value")).isEqualTo(username);
        checkPage("users-2-form-with-error");

        browser.findElement(By.cssSelector("input[name=roles][value=STAFF]")).click();
        browser.findElement(By.cssSelector("input[name=teams][value=jobcenter]")).click();
        browser.findElement(By.id("password")).sendKeys("en-lang-adgangskode");
        browser.findElement(By.cssSelector("form button[type=submit].button-primary")).click();
        waitUntil(() -> heading().equals("Tina Testesen"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Brugeren er oprettet.")
                .contains("Oprettet med rollerne: Medarbejder")
                .contains("Tilføjet til teamet Jobcenter");
        checkPage("users-3-user");
    }

    private String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private void checkPage(String name) throws IOException {
        screenshot(name);
        List<Rule> violations = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser).getViolations();
        List<Rule> serious = violations.stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertThat(serious).as("serious or critical accessibility problems on %s:%n%s", browser.getCurrentUrl(),
                serious.stream().map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + "\n  "
                        + rule.getNodes().stream().map(node -> node.getHtml()).collect(Collectors.joining("\n  ")))
                        .collect(Collectors.joining("\n"))).isEmpty();
    }

    /** The whole page, not just the window, so a reviewer sees the whole form. */
    private static void screenshot(String name) throws IOException {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        var size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width",
                        ((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue(),
                        "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(RuntimeException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dk.brobygger.TestDatabaseProfiles;
import dk.brobygger.directory.TestDirectory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A home visitor's journey in a real browser: search the portal, open an offer, make a community
 * card from the search and fetch it as PDF. Every page must pass axe-core's WCAG 2.1 A and AA rules
 * without serious or critical violations (webtilgængelighedsloven).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class SearchToCardJourneyTests {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Path profile;
    private static ChromeDriver browser;

    @LocalServerPort int port;
    @Autowired TestDirectory directory;

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

    @BeforeEach
    void municipality() {
        directory.reset();
        var library = directory.organization("Fjordlund Bibliotek");
        var centrum = directory.location(library, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        directory.offer(centrum, "Strikkeklubben").category("kreativ").targetGroup("seniorer")
                .description("Vi strikker, drikker kaffe og hygger os.").save();
        directory.offer(centrum, "Gåture langs fjorden").category("motion").targetGroup("seniorer")
                .meets(DayOfWeek.SATURDAY, 14, 16).description("Vi går en tur sammen hver lørdag.").save();
    }

    @Test
    void aHomeVisitorFindsAnOfferAndPrintsACardForTheSearch() throws Exception {
        browser.get(url("/tilbud"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Find fællesskaber");
        assertThat(resultCount()).isEqualTo("2 tilbud");
        checkPage("1-search");

        browser.findElement(By.id("q")).sendKeys("strik");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        // htmx swaps the results in place; wait until the page has settled on the new result.
        waitUntil(() -> resultCount().equals("1 tilbud") && browser.findElements(By.cssSelector(".result-title a"))
                .stream().map(WebElement::getText).toList().equals(java.util.List.of("Strikkeklubben")));
        checkPage("2-search-results");

        browser.findElement(By.linkText("Strikkeklubben")).click();
        waitUntil(() -> browser.findElement(By.tagName("h1")).getText().equals("Strikkeklubben"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Tirsdage kl. 10–12")
                .contains("Fjordlund Bibliotek");
        checkPage("3-offer");

        browser.navigate().back();
        WebElement cardLink = waitFor(By.linkText("Lav et visitkort med denne søgning"));
        cardLink.click();
        waitUntil(() -> browser.findElement(By.tagName("h1")).getText().equals("Visitkort til Fællesskabsportalen"));
        screenshot("4-card");
        assertThat(browser.getCurrentUrl()).contains("/tilbud/visitkort?q=strik");
        WebElement card = browser.findElement(By.cssSelector(".community-card"));
        assertThat(card.getText()).contains("Fjordlund Kommune").contains("Tilbud om „strik“").contains("localhost:8080");
        WebElement qr = card.findElement(By.cssSelector("svg.qr-code"));
        assertThat(qr.isDisplayed()).isTrue();
        assertThat(qr.getSize().getWidth()).isGreaterThan(150);
        checkPage("4-card");

        String pdfLink = browser.findElement(By.linkText("Hent som PDF")).getDomAttribute("href");
        assertThat(pdfLink).isEqualTo("/tilbud/visitkort.pdf?q=strik");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url(pdfLink))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(card.isDisplayed()).isTrue();
            assertThat(browser.findElement(By.tagName("header")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("card-form")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("[data-print]")).isDisplayed()).isFalse();
            screenshot("5-card-printed");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private String resultCount() {
        return browser.findElement(By.cssSelector(".result-count")).getText();
    }

    private void checkPage(String name) throws IOException {
        screenshot(name);
        List<Rule> violations = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser).getViolations();
        List<Rule> serious = violations.stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertThat(serious).as("serious or critical accessibility problems on %s:%n%s", browser.getCurrentUrl(),
                describe(serious)).isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + "\n  "
                + rule.getNodes().stream().map(node -> node.getHtml()).collect(Collectors.joining("\n  ")))
                .collect(Collectors.joining("\n"));
    }

    /** The whole page, not just the window, so a reviewer sees what a citizen scrolls through. */
    private static void screenshot(String name) throws IOException {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", fullPage()));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static Map<String, Object> fullPage() {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        var size = (Map<String, Object>) metrics.get("cssContentSize");
        return Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(locator));
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(RuntimeException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

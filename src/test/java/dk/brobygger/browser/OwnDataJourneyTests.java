package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dk.brobygger.TestDatabaseProfiles;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.TestCitizens;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A citizen's journey in a real browser: log in, see their record, network and consents, withdraw
 * a consent after being asked, and read the receipt. Every page must pass axe-core's WCAG 2.1 A and
 * AA rules without serious or critical violations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class OwnDataJourneyTests {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String NURSE = "Basic " + Base64.getEncoder()
            .encodeToString("hjemmebesog:demo".getBytes(StandardCharsets.UTF_8));

    private static Path profile;
    private static ChromeDriver browser;

    @LocalServerPort int port;
    @Autowired TestCitizens citizens;
    @Autowired Users users;

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
    void aCitizenSeesTheirDataAndWithdrawsAConsent() throws Exception {
        citizens.reset();
        String karen = idOf(api("/api/citizens", """
                {"cpr": "150551-1234", "name": "Karen Jensen", "address": "Vestergade 3",
                 "postcode": "7120", "district": "VEST", "livingSituation": "ALONE"}
                """));
        users.linkCitizen("borger", UUID.fromString(karen));
        api("/api/citizens/" + karen + "/network",
                "{\"kind\": \"PRIVATE\", \"name\": \"Mette Jensen\", \"role\": \"datter\", \"closeness\": 1}");
        api("/api/citizens/" + karen + "/consents",
                "{\"party\": \"RELATIVES\", \"partyName\": \"Mette Jensen\", \"scope\": \"Deltagelse i netværksmøder\"}");

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("borger");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        // The login must have finished (session cookie set) before the next address is opened.
        waitUntil(() -> !browser.getCurrentUrl().contains("/login"));
        browser.get(url("/mig"));
        waitUntil(() -> browser.findElement(By.tagName("h1")).getText().equals("Mine oplysninger"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Karen Jensen").contains("Mette Jensen").contains("Deltagelse i netværksmøder")
                .contains("Hanne Hjemmebesøg");
        checkPage("citizen-1-own-data");

        browser.findElement(By.cssSelector("table.consents-active a.button")).click();
        waitUntil(() -> browser.findElement(By.tagName("h1")).getText().equals("Træk samtykke tilbage"));
        checkPage("citizen-2-withdraw-asks-first");

        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil(() -> browser.findElements(By.cssSelector(".alert-success")).size() == 1);
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .startsWith("Kvittering: Du har trukket dit samtykke til deling med pårørende (Mette Jensen) tilbage");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Du har ingen samtykker, der gælder nu.")
                .contains("Trukket tilbage af dig den");
        checkPage("citizen-3-receipt");
    }

    private String api(String path, String json) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Authorization", NURSE).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(201);
        return response.body();
    }

    private static String idOf(String json) {
        return json.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private void checkPage(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        List<Rule> serious = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser).getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertThat(serious).as("serious or critical accessibility problems on %s:%n%s", browser.getCurrentUrl(),
                serious.stream().map(rule -> rule.getId() + ": " + rule.getHelp() + "\n  " + rule.getNodes().stream()
                        .map(node -> node.getHtml()).collect(Collectors.joining("\n  "))).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(RuntimeException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

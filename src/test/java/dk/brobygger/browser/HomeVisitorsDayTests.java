package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
import dk.brobygger.access.Teams;
import dk.brobygger.homevisit.TestHomeVisits;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The home visitor's day in a real browser, on a phone-sized screen: the worklist, the visit, the
 * conversation about loneliness that earns the "Fællesskab" tag, offers suggested from the portal,
 * the community card for this citizen, and the follow-up call on the worklist. Every page passes
 * axe-core's WCAG 2.1 A and AA rules without serious or critical violations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class HomeVisitorsDayTests {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Path profile;
    private static ChromeDriver browser;

    @LocalServerPort int port;
    @Autowired TestDirectory directory;
    @Autowired TestHomeVisits homeVisits;
    @Autowired Teams teams;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    LocalDate today;

    @BeforeAll
    static void startChromium() throws IOException {
        Chromium.assumeInstalled();
        profile = Chromium.freshProfile();
        browser = Chromium.start(profile);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(412, 915));
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
    void aNurseWithAVisitToday() {
        directory.reset();
        var library = directory.organization("Fjordlund Bibliotek");
        var vest = directory.location(library, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        directory.offer(vest, "Strikkeklubben").category("kreativ").targetGroup("seniorer")
                .description("Vi strikker, drikker kaffe og hygger os.").save();
        homeVisits.reset();
        if (!teams.of("hjemmebesog").contains("forebyggende-hjemmebesoeg")) {
            teams.join("forebyggende-hjemmebesoeg", "hjemmebesog", "test");
        }
        today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        UUID karen = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO citizen (id, cpr, birth_date, sex, name, address, postcode, district, living_situation,
                                     needs_interpreter, version, created_at, created_by, updated_at, updated_by)
                VALUES (:id, '1505511234', DATE '1951-05-15', 'FEMALE', 'Karen Jensen', 'Vestergade 3', '7100', 'VEST',
                        'ALONE', FALSE, 0, :now, 'test', :now, 'test')
                """).param("id", karen).param("now", Timestamp.from(clock.instant())).update();
    }

    @Test
    void worklistToVisitToTagToSuggestedOffersToCardToFollowUpTask() throws IOException {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("hjemmebesog");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        // The login must have finished (session cookie set) before the next address is opened.
        waitUntil(() -> !browser.getCurrentUrl().contains("/login")
                && browser.findElement(By.tagName("header")).getText().contains("Hanne Hjemmebesøg"));

        browser.get(url("/hjemmebesog?aar=" + today.getYear() + "&distrikt=VEST"));
        waitUntil(() -> browser.findElement(By.tagName("main")).getText().contains("Karen Jensen"));
        checkPage("visit-0-worklist");
        click(By.xpath("//tr[td[contains(normalize-space(), 'Karen Jensen')]]//button[normalize-space()='Tag']"));
        click(By.xpath("//tr[td[contains(normalize-space(), 'Karen Jensen')]]//a[normalize-space()='Planlæg besøg']"));

        waitUntil(() -> browser.findElement(By.tagName("h1")).getText().equals("Hjemmebesøg hos Karen Jensen"));
        checkPage("visit-1-plan");
        browser.findElement(By.id("dato")).clear();
        browser.findElement(By.id("dato")).sendKeys(danishDateInput(today));
        click(By.xpath("//button[normalize-space()='Planlæg besøget']"));
        waitUntil(() -> browser.findElement(By.cssSelector(".alert-success")).getText().equals("Besøget er planlagt."));
        waitUntil(() -> browser.findElement(By.tagName("h1")).getText().equals("Hjemmebesøg hos Karen Jensen"));
        checkPage("visit-2-visit");
        click(By.cssSelector("label[for='tema-SOCIAL']"));
        click(By.cssSelector("label[for='samtale-ROOM_TO_TALK']"));
        click(By.cssSelector("label[for='samtale-LOCAL_COMMUNITIES']"));
        click(By.cssSelector("label[for='visitkort']"));
        browser.findElement(By.id("noter")).sendKeys("Savner nogen at strikke sammen med.");
        browser.findElement(By.id("opfoelgning")).sendKeys(danishDateInput(today.plusWeeks(4)));
        click(By.xpath("//button[normalize-space()='Gem besøget']"));

        waitUntil(() -> browser.findElement(By.cssSelector(".alert-success")).getText()
                .equals("Besøget er gemt med mærket \"Fællesskab\"."));
        assertThat(browser.findElement(By.cssSelector(".font-lead .badge")).getText()).isEqualTo("Fællesskab");

        browser.findElement(By.id("interesser")).sendKeys("strik");
        click(By.xpath("//button[normalize-space()='Find tilbud']"));
        waitUntil(() -> !browser.findElements(By.cssSelector("label[for^='tilbud-']")).isEmpty());
        checkPage("visit-3-suggestions");
        click(By.cssSelector("label[for^='tilbud-']"));
        click(By.xpath("//button[normalize-space()='Gem som forslag']"));
        waitUntil(() -> browser.findElement(By.cssSelector(".alert-success")).getText()
                .equals("Forslagene er gemt på besøget."));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Foreslået ved besøget:")
                .contains("Strikkeklubben");

        click(By.linkText("Udskriv visitkort til borgeren"));
        waitUntil(() -> browser.findElement(By.tagName("h1")).getText().equals("Visitkort til Fællesskabsportalen"));
        assertThat(browser.getCurrentUrl()).contains("bydel=VEST").contains("q=strik");
        assertThat(browser.findElement(By.cssSelector(".community-card")).getText()).contains("strik");
        screenshot("visit-4-card");

        browser.get(url("/opgaver"));
        waitUntil(() -> browser.findElement(By.tagName("main")).getText().contains("Karen Jensen"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Opfølgende opkald")
                .contains(today.plusWeeks(4).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        checkPage("visit-5-worklist");
    }

    /** Chromium's date input takes the digits in the browser locale's order (here en-US: mm dd yyyy). */
    private static String danishDateInput(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("MMddyyyy"));
    }

    private void click(By locator) {
        WebElement element = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(locator));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void checkPage(String name) throws IOException {
        screenshot(name);
        List<Rule> violations = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser).getViolations();
        List<Rule> serious = violations.stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertThat(serious).as("serious or critical accessibility problems on %s:%n%s", browser.getCurrentUrl(),
                serious.stream().map(rule -> rule.getId() + ": " + rule.getHelp() + "\n  " + rule.getNodes().stream()
                        .map(node -> node.getHtml()).collect(Collectors.joining("\n  ")))
                        .collect(Collectors.joining("\n"))).isEmpty();
    }

    private static void screenshot(String name) throws IOException {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Waits up to 10 s; on a timeout the failure names the page and what it showed, for the next reader. */
    private void waitUntil(java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(RuntimeException.class)
                    .until(driver -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            String shown = browser.findElements(By.tagName("main")).stream().map(WebElement::getText).findFirst()
                    .orElse("(no main element)");
            throw new AssertionError("Timed out on " + browser.getCurrentUrl() + ", the page showed:\n"
                    + shown.substring(0, Math.min(2000, shown.length())), e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

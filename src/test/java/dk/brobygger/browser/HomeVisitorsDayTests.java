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
import dk.brobygger.access.NeedToKnow;
import dk.brobygger.citizen.TestCitizens;
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
 * The home visitor's day in a real browser, on a phone-sized screen: the calendar, the visit, the
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
    @Autowired TestCitizens citizens;
    @Autowired NeedToKnow needToKnow;
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
        citizens.reset();
        today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        UUID karen = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO citizen (id, cpr, birth_date, sex, name, address, postcode, district, living_situation,
                                     needs_interpreter, version, created_at, created_by, updated_at, updated_by)
                VALUES (:id, '1505511234', DATE '1951-05-15', 'FEMALE', 'Karen Jensen', 'Vestergade 3', '7100', 'VEST',
                        'ALONE', FALSE, 0, :now, 'test', :now, 'test')
                """).param("id", karen).param("now", Timestamp.from(clock.instant())).update();
        needToKnow.relate(karen, "hjemmebesog", "Forebyggende hjemmebesøg", "test");
        jdbc.sql("""
                INSERT INTO visit (id, citizen_id, visitor, planned_start, duration_minutes, place, status, version,
                                   created_by, created_at, updated_by, updated_at)
                VALUES (:id, :citizen, 'hjemmebesog', :start, 60, 'HOME', 'PLANNED', 0, 'test', :now, 'test', :now)
                """).param("id", UUID.randomUUID()).param("citizen", karen)
                .param("start", Timestamp.valueOf(today.atTime(10, 0))).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    @Test
    void calendarToVisitToTagToSuggestedOffersToCardToFollowUpTask() throws IOException {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("hjemmebesog");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();

        browser.get(url("/hjemmebesog/kalender?visning=dag"));
        waitUntil(() -> browser.findElement(By.tagName("h1")).getText().equals("Mine hjemmebesøg"));
        checkPage("visit-1-calendar");
        browser.findElement(By.partialLinkText("Karen Jensen")).click();

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

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(RuntimeException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

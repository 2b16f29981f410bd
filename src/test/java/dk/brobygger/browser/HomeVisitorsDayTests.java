package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import dk.brobygger.access.Teams;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.homevisit.TestHomeVisits;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The home visitor's day in a real browser, on a phone-sized screen: the worklist, the visit, the
 * conversation about loneliness that earns the "Fællesskab" tag, offers suggested from the portal,
 * the community card for this citizen, and the follow-up call on the worklist. Every page passes
 * axe-core's WCAG 2.1 A and AA rules without serious or critical violations.
 */
class HomeVisitorsDayTests extends BrowserJourney {

    @Autowired TestDirectory directory;
    @Autowired TestHomeVisits homeVisits;
    @Autowired Teams teams;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    LocalDate today;

    @BeforeAll
    static void onAPhoneSizedScreen() {
        browser.manage().window().setSize(new Dimension(412, 915));
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
        logIn("hjemmebesog");
        // Once the header names the nurse, the session is in place for the next address.
        waitUntil(() -> browser.findElement(By.tagName("header")).getText().contains("Hanne Hjemmebesøg"));

        browser.get(url("/hjemmebesog?aar=" + today.getYear() + "&distrikt=VEST"));
        waitUntil(() -> browser.findElement(By.tagName("main")).getText().contains("Karen Jensen"));
        checkPage("visit-0-worklist");
        click(By.xpath("//tr[td[contains(normalize-space(), 'Karen Jensen')]]//button[normalize-space()='Tag']"));
        click(By.xpath("//tr[td[contains(normalize-space(), 'Karen Jensen')]]//a[normalize-space()='Planlæg besøg']"));

        waitUntil(() -> heading().equals("Hjemmebesøg hos Karen Jensen"));
        checkPage("visit-1-plan");
        browser.findElement(By.id("dato")).clear();
        browser.findElement(By.id("dato")).sendKeys(dateInputKeys(today));
        click(By.xpath("//button[normalize-space()='Planlæg besøget']"));
        waitUntil(() -> browser.findElement(By.cssSelector(".alert-success")).getText().equals("Besøget er planlagt."));
        waitUntil(() -> heading().equals("Hjemmebesøg hos Karen Jensen"));
        checkPage("visit-2-visit");
        click(By.cssSelector("label[for='tema-SOCIAL']"));
        click(By.cssSelector("label[for='samtale-ROOM_TO_TALK']"));
        click(By.cssSelector("label[for='samtale-LOCAL_COMMUNITIES']"));
        click(By.cssSelector("label[for='visitkort']"));
        browser.findElement(By.id("noter")).sendKeys("Savner nogen at strikke sammen med.");
        browser.findElement(By.id("opfoelgning")).sendKeys(dateInputKeys(today.plusWeeks(4)));
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
        waitUntil(() -> heading().equals("Visitkort til Fællesskabsportalen"));
        assertThat(browser.getCurrentUrl()).contains("bydel=VEST").contains("q=strik");
        assertThat(browser.findElement(By.cssSelector(".community-card")).getText()).contains("strik");
        screenshot("visit-4-card");

        browser.get(url("/opgaver"));
        waitUntil(() -> browser.findElement(By.tagName("main")).getText().contains("Karen Jensen"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Opfølgende opkald")
                .contains(today.plusWeeks(4).format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        checkPage("visit-5-worklist");
    }

    /** Keys for headless Chromium's date input, which takes the digits in en-US order (mm dd yyyy) despite --lang=da-DK. */
    private static String dateInputKeys(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("MMddyyyy"));
    }

    private void click(By locator) {
        WebElement element = waitFor(locator);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** The phone's screen, not the whole page: what the home visitor sees at each step. */
    @Override
    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}

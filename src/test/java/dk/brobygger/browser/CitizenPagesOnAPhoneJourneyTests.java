package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.homevisit.TestHomeVisits;
import dk.brobygger.outcome.Instruments;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen's pages without dead ends: from the overview the same tabs lead to every page about the citizen
 * (visits with planning, measurements with their chart, network with its map, timeline), and back; the manager's
 * statistics and the public search too. Every page passes axe, fits a 360 px phone and names things in words.
 */
class CitizenPagesOnAPhoneJourneyTests extends BrowserJourney {

    @Autowired TestCitizens citizens;
    @Autowired TestHomeVisits homeVisits;
    @Autowired Instruments instruments;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID karen;

    @BeforeEach
    void karenWithANetworkAndTwoMeasurements() {
        citizens.reset();
        homeVisits.reset();
        jdbc.sql("DELETE FROM citizen_relation").update();
        karen = citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog");
        jdbc.sql("""
                INSERT INTO network_member (id, citizen_id, kind, name, role, closeness, phone, added_by, added_at)
                VALUES (:id, :citizen, 'PRIVATE', 'Mette Jensen', 'datter', 1, '20 30 40 50', 'hjemmebesog', :at)
                """).param("id", UUID.randomUUID()).param("citizen", karen)
                .param("at", Timestamp.from(clock.instant())).update();
        instruments.loadShipped();
        LocalDate today = LocalDate.now(clock);
        score(today.minusDays(100), 8, "Tegn på ensomhed");
        score(today.minusDays(10), 5, "Ingen tegn på ensomhed");
        browser.manage().deleteAllCookies();
    }

    @Test
    void everyTabOfTheCitizenLeadsOnAndEveryPageFitsAPhone() throws Exception {
        logIn("hjemmebesog");
        browser.get(url("/borgere/" + karen));
        waitUntil(() -> heading().equals("Karen Jensen"));
        checkPage("phone-citizen-overview");
        List<String> tabs = tabTexts();
        assertThat(tabs).contains("Hjemmebesøg", "Målinger", "Netværk", "Tidslinje", "Sygehus");

        for (String tab : List.of("Hjemmebesøg", "Målinger", "Netværk", "Tidslinje", "Sygehus", "Samtykker", "Tilknytninger")) {
            browser.get(url("/borgere/" + karen));
            waitUntil(() -> heading().equals("Karen Jensen"));
            browser.findElement(By.cssSelector(".citizen-tabs")).findElement(By.linkText(tab)).click();
            waitUntil(() -> browser.findElement(By.cssSelector(".citizen-tabs a[aria-current=page]")).getText()
                    .equals(tab));
            assertThat(tabTexts()).as("the same tabs on %s", tab).isEqualTo(tabs);
            checkPage("phone-citizen-" + tab.toLowerCase());
        }
        assertThat(browser.getCurrentUrl()).endsWith("/tilknytninger");

        browser.get(url("/borgere/" + karen + "/maalinger"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Fra 8 til 5");
    }

    @Test
    void theStatisticsAndTheSearchFitAPhone() throws Exception {
        logIn("leder");
        browser.get(url("/leder/statistik"));
        waitUntil(() -> !browser.findElements(By.tagName("h1")).isEmpty());
        checkPage("phone-statistics");
        browser.get(url("/leder/statistik?lang=en"));
        waitUntil(() -> !browser.findElements(By.tagName("h1")).isEmpty());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("January").contains("In all")
                .doesNotContain("Januar ").doesNotContain("I alt");
        checkPage("phone-statistics-en");
        browser.get(url("/tilbud?lang=da"));
        waitUntil(() -> !browser.findElements(By.cssSelector(".result-count")).isEmpty());
        checkPage("phone-search");
    }

    private List<String> tabTexts() {
        return browser.findElements(By.cssSelector(".citizen-tabs a")).stream().map(WebElement::getText).toList();
    }

    private void score(LocalDate on, int score, String band) {
        jdbc.sql("""
                INSERT INTO instrument_response (id, citizen_id, instrument_code, instrument_version, answers, score,
                                                 band, answered_on, context, recorded_by, recorded_at)
                VALUES (:id, :citizen, 'ucla-3', 'Hughes 2004, svar 1-3', :answers, :score, :band, :on,
                        'Forebyggende hjemmebesøg', 'hjemmebesog', :at)
                """).param("id", UUID.randomUUID()).param("citizen", karen)
                .param("answers", "{\"savner-samvaer\": 3, \"holdt-udenfor\": 3, \"isoleret\": 2}")
                .param("score", score).param("band", band).param("on", on)
                .param("at", Timestamp.from(clock.instant())).update();
    }
}

package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.homevisit.TestHomeVisits;
import dk.brobygger.shared.DanishTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The start page for each role in a real browser: after logging in, a home-visit nurse, a manager and an
 * association editor land on their start page and follow every tile to the list behind it; a citizen lands on
 * their own page. Every page passes axe, fits a 360 px phone and names people and things in words.
 */
class StartPageJourneyTests extends BrowserJourney {

    @Autowired TestCitizens citizens;
    @Autowired TestHomeVisits homeVisits;
    @Autowired TestDirectory directory;
    @Autowired Teams teams;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID karen;

    @BeforeEach
    void aNurseWithAVisitTodayACallOverdueAndANewOutreachItem() {
        citizens.reset();
        homeVisits.reset();
        jdbc.sql("DELETE FROM citizen_relation").update();
        jdbc.sql("DELETE FROM break_the_glass").update();
        if (!teams.of("hjemmebesog").contains("forebyggende-hjemmebesoeg")) {
            teams.join("forebyggende-hjemmebesoeg", "hjemmebesog", "test");
        }
        karen = citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog");
        LocalDate today = LocalDate.now(clock.withZone(DanishTime.ZONE));
        UUID visit = UUID.randomUUID();
        var now = Timestamp.valueOf(LocalDateTime.now(clock.withZone(DanishTime.ZONE)));
        jdbc.sql("""
                INSERT INTO visit (id, citizen_id, visitor, planned_start, duration_minutes, place, status, version,
                                   created_by, created_at, updated_by, updated_at)
                VALUES (:id, :citizen, 'hjemmebesog', :start, 60, 'HOME', 'PLANNED', 0, 'hjemmebesog', :now,
                        'hjemmebesog', :now)
                """).param("id", visit).param("citizen", karen)
                .param("start", Timestamp.valueOf(today.atTime(23, 0))).param("now", now).update();
        jdbc.sql("""
                INSERT INTO followup_task (id, citizen_id, source_kind, source_id, assignee, due_on, status, created_at,
                                           version)
                VALUES (:id, :citizen, 'homevisit.follow-up-call', :visit, 'hjemmebesog', :due, 'OPEN', :now, 0)
                """).param("id", UUID.randomUUID()).param("citizen", karen).param("visit", visit)
                .param("due", today.minusDays(2)).param("now", Timestamp.from(clock.instant())).update();
        homeVisits.openOutreachItem(karen, "LOST_SPOUSE", today.minusDays(3));
        browser.manage().deleteAllCookies();
    }

    @Test
    void theNurseSeesTodaysVisitTheOverdueCallTheNewItemAndHerCitizensAndFollowsEachTile() throws Exception {
        logIn("hjemmebesog");
        waitUntil(() -> browser.getCurrentUrl().endsWith("/start"));
        waitUntil(() -> heading().equals("Hej Hanne Hjemmebesøg"));
        checkPage("start-nurse");
        assertThat(tile("besoeg").getText()).contains("I dag: 1 besøg").contains("Karen Jensen")
                .contains("Vestergade 3, 7120");
        assertThat(tile("besoeg").findElement(By.linkText("Vis på kort")).getAttribute("href"))
                .contains("Vestergade+3%2C+7120");
        assertThat(tile("opgaver").getText()).contains("Overskredet: 1").contains("Karen Jensen")
                .contains("Opfølgende opkald");
        assertThat(tile("opsporing").getText()).contains("Nye de sidste 14 dage: 1").contains("Mistet ægtefælle");
        assertThat(tile("borgere").getText()).contains("I alt: 1").contains("Karen Jensen");
        assertThat(browser.findElements(By.id("felt-brudt-glas"))).isEmpty();

        follow("besoeg", "Se kalenderen", "/hjemmebesog/kalender", "Karen Jensen");
        follow("opgaver", "Se alle dine opgaver", "/opgaver", "Karen Jensen");
        follow("opsporing", "Se arbejdslisten", "/hjemmebesog", "Karen Jensen");
        follow("borgere", "Se alle", "/borgere", "Karen Jensen");

        browser.get(url("/start"));
        tile("besoeg").findElement(By.partialLinkText("Karen Jensen")).click();
        waitUntil(() -> heading().equals("Hjemmebesøg hos Karen Jensen"));
        checkPage("start-nurse-visit");
    }

    @Test
    void theManagerSeesBrokenGlassToReviewAndFollowsIt() throws Exception {
        jdbc.sql("""
                INSERT INTO break_the_glass (citizen_id, username, reason, granted_at, expires_at)
                VALUES (:citizen, 'faellesteam', 'Datteren ringede om et fald i nat', :at, :until)
                """).param("citizen", karen).param("at", Timestamp.from(clock.instant()))
                .param("until", Timestamp.from(clock.instant().plus(1, ChronoUnit.HOURS))).update();
        logIn("leder");
        waitUntil(() -> heading().equals("Hej Lise Leder"));
        checkPage("start-manager");
        assertThat(tile("brudt-glas").getText()).contains("Venter: 1").contains("Finn Fællesteam");
        assertThat(tile("opsporing").getText()).contains("Nye de sidste 14 dage: 1");

        follow("brudt-glas", "Gennemse brudt glas", "/leder/bryd-glasset", "Finn Fællesteam");
        follow("opsporing", "Se arbejdslisten", "/hjemmebesog", "Karen Jensen");
        follow("opgaver", "Se alle dine opgaver", "/opgaver", "");
        follow("borgere", "Se alle", "/borgere", "");
        follow("besoeg", "Se kalenderen", "/hjemmebesog/kalender", "");
    }

    @Test
    void theAssociationEditorSeesTheirOffersWhatIsStaleAndWhatWaitsAndFollowsIt() throws Exception {
        directory.reset();
        var club = directory.organization("Strikkeklubben Maske");
        var place = directory.location(club, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        var offer = directory.offer(place, "Strikkecafé").category("kreativ").save();
        jdbc.sql("UPDATE offer SET assured_date = :old WHERE id = :id")
                .param("old", LocalDate.now(clock).minusYears(1)).param("id", offer.id()).update();
        users.assignOrganization("forening", club.id());
        logIn("forening");
        waitUntil(() -> heading().equals("Hej Frida Foreningsredaktør"));
        checkPage("start-association");
        assertThat(tile("egne-tilbud").getText()).contains("Tilbud: 1").contains("Skal bekræftes: 1")
                .contains("Venter på godkendelse: 0").contains("Strikkecafé");
        follow("egne-tilbud", "Gå til redaktionen", "/redaktion", "Strikkecafé");

        browser.get(url("/start"));
        tile("egne-tilbud").findElement(By.linkText("Strikkecafé")).click();
        waitUntil(() -> browser.getCurrentUrl().contains("/rediger"));
        checkPage("start-association-offer");
    }

    @Test
    void theMunicipalEditorSeesModerationAndStaleOffers() throws Exception {
        logIn("redaktoer");
        waitUntil(() -> heading().equals("Hej Rasmus Redaktør"));
        checkPage("start-editor");
        follow("moderation", "Gå til moderation", "/redaktion/moderation", "");
        follow("ikke-bekraeftet", "Se tilbud, der skal bekræftes", "/redaktion/ikke-bekraeftet", "");
    }

    @Test
    void aCitizenLandsOnTheirOwnPage() throws Exception {
        users.linkCitizen("borger", karen);
        logIn("borger");
        waitUntil(() -> heading().equals("Mine oplysninger"));
        assertThat(browser.getCurrentUrl()).endsWith("/mig");
        checkPage("start-citizen");
    }

    private WebElement tile(String id) {
        return browser.findElement(By.id("felt-" + id));
    }

    /** From the start page, the tile's link to its list: the list opens and shows what the tile promised. */
    private void follow(String tile, String link, String path, String shows) throws Exception {
        browser.get(url("/start"));
        waitUntil(() -> !browser.findElements(By.id("felt-" + tile)).isEmpty());
        tile(tile).findElement(By.linkText(link)).click();
        waitUntil(() -> browser.getCurrentUrl().replaceFirst("\\?.*", "").endsWith(path));
        waitUntil(() -> browser.findElement(By.tagName("main")).getText().contains(shows));
        checkPage("start-" + tile + "-" + List.of(path.split("/")).getLast());
    }
}

package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.homevisit.TestHomeVisits;
import dk.brobygger.referral.TestAccompaniment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Følgeskab in a real browser (issue 15): the Fællesteam member opens the accepted referral, finds the volunteers
 * who fit with why, and asks Birgit; Birgit logs in on her phone, sees Karen's first name and words and the time and
 * place, says yes, and after the visit reports in two taps; the staff member sees it on the referral, the register
 * and its warning; Birgit reads her own data with who has opened them, and gets the calendar link. Every page passes
 * axe and fits a 360 px phone.
 */
class AccompanimentJourneyTests extends BrowserJourney {

    @Autowired TestHomeVisits data;
    @Autowired TestDirectory directory;
    @Autowired TestAccompaniment accompaniment;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID referral;
    UUID birgit;

    @BeforeEach
    void karenIsAcceptedAtTheKnittingCafeAndBirgitCanGoAlong() {
        data.reset();
        directory.reset();
        accompaniment.reset();
        jdbc.sql("DELETE FROM citizen_relation").update();
        var karen = data.citizen("Karen Jensen", LocalDate.now(clock).minusYears(78), "ALONE", "ØST");
        data.relate(karen, "faellesteam");
        var club = directory.organization("Strikkeklubben Maske for Maske");
        var square = directory.location(club, "Torvet 1", "7100", "ØST", 55.7090, 9.5360, true);
        var knitting = directory.offer(square, "Strikkecafé").accompaniment().save().id();
        users.assignOrganization("kontakt", club.id());
        jdbc.sql("""
                INSERT INTO consent (id, citizen_id, party, party_name, scope, given_on, recorded_by, recorded_at)
                VALUES (:id, :citizen, 'ASSOCIATION', 'Strikkeklubben Maske for Maske', 'Henvisning', :today,
                        'faellesteam', :now)
                """).param("id", UUID.randomUUID()).param("citizen", karen).param("today", LocalDate.now(clock))
                .param("now", Timestamp.from(Instant.now())).update();
        referral = accompaniment.acceptedWithAccompaniment(karen, "Karen", knitting, "Strikkecafé", club.id(),
                "Strikkeklubben Maske for Maske");
        birgit = accompaniment.volunteer("Birgit Holm Sørensen", "7100", false, "frivillig");
        accompaniment.volunteer("Jonas Kjær Mikkelsen", "7130", true, "peer");
        browser.manage().deleteAllCookies();
    }

    @Test
    void theFaellesteamAsksBirgitWhoSaysYesAndReportsInTwoTaps() throws Exception {
        logIn("faellesteam");
        browser.get(url("/henvisninger/" + referral));
        waitUntil(() -> heading().equals("Henvisning til Strikkecafé"));
        browser.findElement(By.linkText("Find en frivillig")).click();
        waitUntil(() -> heading().equals("Find en frivillig til Strikkecafé"));
        assertThat(browser.findElement(By.id("forslag")).getText()).contains("Birgit Holm Sørensen")
                .contains("km fra borgeren").contains("Kan på den dag og det tidspunkt, tilbuddet er");
        checkPage("accompaniment-suggestions");
        browser.findElements(By.cssSelector("#forslag > li")).getFirst()
                .findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(() -> heading().equals("Henvisning til Strikkecafé"));
        assertThat(browser.findElement(By.id("foelgeskab")).getText()).contains("Birgit Holm Sørensen")
                .contains("Spurgt, venter på svar");
        checkPage("accompaniment-asked");

        browser.get(url("/frivillige"));
        waitUntil(() -> heading().equals("Frivillige og peers"));
        assertThat(browser.findElement(By.id("frivillige")).getText()).contains("Udløber snart");
        checkPage("volunteer-register");
        browser.findElement(By.linkText("Birgit Holm Sørensen")).click();
        waitUntil(() -> heading().startsWith("Birgit Holm Sørensen"));
        assertThat(browser.findElement(By.id("udloeber")).getText()).contains("Straffeattest");
        checkPage("volunteer-detail");
        browser.get(url("/frivillige/ny"));
        waitUntil(() -> heading().equals("Ny frivillig"));
        checkPage("volunteer-form");

        browser.manage().deleteAllCookies();
        logIn("frivillig");
        browser.get(url("/frivillig"));
        waitUntil(() -> heading().equals("Mine opgaver"));
        checkPage("volunteer-mine");
        browser.findElement(By.partialLinkText("Følgeskab med Karen")).click();
        waitUntil(() -> heading().equals("Følgeskab til Strikkecafé"));
        assertThat(browser.findElement(By.id("borger")).getText()).contains("Karen")
                .contains("Jeg tør ikke gå derhen alene første gang").contains("Torvet 1").doesNotContain("Jensen");
        checkPage("volunteer-assignment");
        browser.findElement(By.cssSelector("button[value=JA]")).click();
        waitUntil(() -> browser.findElement(By.tagName("main")).getText().contains("Tak! Du går med"));
        checkPage("volunteer-accepted");
        browser.findElement(By.cssSelector("label[for=besoeg-WENT_TOGETHER]")).click();
        browser.findElement(By.cssSelector("button[value=ALONE]")).click();
        waitUntil(() -> browser.findElement(By.tagName("main")).getText().contains("Medarbejderen har fået besked"));
        assertThat(browser.findElement(By.id("rapporteret")).getText()).contains("Vi gik ind sammen")
                .contains("Går selv næste gang");
        checkPage("volunteer-reported");

        browser.get(url("/frivillig"));
        waitUntil(() -> heading().equals("Mine opgaver"));
        browser.findElement(By.id("mine-oplysninger")).click();
        waitUntil(() -> heading().equals("Dine oplysninger"));
        assertThat(browser.findElement(By.id("opslag")).getText()).as("the Fællesteam opened her record above")
                .contains("medarbejder i kommunen").contains("Dine oplysninger");
        checkPage("volunteer-own-data");

        browser.get(url("/kalender"));
        waitUntil(() -> heading().equals("Kalender med følgeskab"));
        browser.findElement(By.cssSelector("form[action$='/kalender/forny'] button")).click();
        waitUntil(() -> !browser.findElements(By.id("kalender-link")).isEmpty());
        assertThat(browser.findElement(By.id("kalender-link")).getAttribute("value")).endsWith(".ics");
        checkPage("calendar-link");
    }
}

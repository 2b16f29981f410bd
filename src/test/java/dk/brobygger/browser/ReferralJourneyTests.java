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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A referral in a real browser (issue 15): a Fællesteam member finds an offer on the citizen's tab, sees its fit,
 * sends the referral and finds it on "Mine henvisninger"; the association's contact finds it from the start page in
 * the inbox and says yes. Every page passes axe, fits a 360 px phone and names people and things in words.
 */
class ReferralJourneyTests extends BrowserJourney {

    @Autowired TestHomeVisits data;
    @Autowired TestDirectory directory;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID karen;

    @BeforeEach
    void karenAndAKnittingClubThatWelcomesHer() {
        data.reset();
        directory.reset();
        jdbc.sql("DELETE FROM citizen_relation").update();
        karen = data.citizen("Karen Jensen", LocalDate.now(clock).minusYears(78), "ALONE", "ØST");
        data.relate(karen, "faellesteam");
        var club = directory.organization("Strikkeklubben Maske for Maske");
        var square = directory.location(club, "Torvet 1", "7100", "ØST", 55.7090, 9.5360, true);
        directory.offer(square, "Strikkecafé").accompaniment().save();
        users.assignOrganization("kontakt", club.id());
        jdbc.sql("""
                INSERT INTO consent (id, citizen_id, party, party_name, scope, given_on, recorded_by, recorded_at)
                VALUES (:id, :citizen, 'ASSOCIATION', 'Strikkeklubben Maske for Maske', 'Henvisning', :today,
                        'faellesteam', :now)
                """).param("id", UUID.randomUUID()).param("citizen", karen).param("today", LocalDate.now(clock))
                .param("now", Timestamp.from(Instant.now())).update();
        browser.manage().deleteAllCookies();
    }

    @Test
    void theFaellesteamRefersKarenAndTheKnittingClubSaysYes() throws Exception {
        logIn("faellesteam");
        browser.get(url("/borgere/" + karen + "/henvisninger"));
        waitUntil(() -> heading().equals("Henvisninger for Karen Jensen"));
        checkPage("referral-citizen-tab");

        browser.findElement(By.partialLinkText("Se om Strikkecafé passer")).click();
        waitUntil(() -> heading().equals("Henvis til Strikkecafé"));
        checkPage("referral-fit");
        assertThat(browser.findElement(By.id("fit")).getText()).contains("Borgeren er 78 år");
        browser.findElement(By.id("ord")).sendKeys("Jeg vil gerne strikke med andre");
        browser.findElement(By.id("deles-CONTACT")).click();
        browser.findElement(By.id("kontakt")).sendKeys("Ring 12 34 56 78 om formiddagen");
        browser.findElement(By.cssSelector("#henvis button[type=submit]")).click();
        waitUntil(() -> heading().equals("Henvisning til Strikkecafé"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Henvisningen er sendt");
        checkPage("referral-sent");

        browser.get(url("/henvisninger"));
        waitUntil(() -> heading().equals("Mine henvisninger"));
        assertThat(browser.findElement(By.id("henvisninger")).getText()).contains("Karen Jensen").contains("Strikkecafé");
        checkPage("referral-mine");

        browser.manage().deleteAllCookies();
        logIn("kontakt");
        waitUntil(() -> heading().equals("Hej Karin Kontaktperson"));
        assertThat(browser.findElement(By.id("felt-foreningens-henvisninger")).getText()).contains("1 venter på svar");
        checkPage("referral-association-start");
        browser.get(url("/forening/henvisninger"));
        waitUntil(() -> heading().equals("Henvisninger til foreningen"));
        assertThat(browser.findElement(By.id("indbakke")).getText()).contains("Karen").doesNotContain("Jensen");
        checkPage("referral-inbox");
        browser.findElement(By.linkText("Karen")).click();
        waitUntil(() -> heading().equals("Henvisning til Strikkecafé"));
        checkPage("referral-answer");
        browser.findElement(By.cssSelector("button[value=ACCEPT]")).click();
        waitUntil(() -> browser.findElement(By.tagName("main")).getText().contains("Dit svar er gemt"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Accepteret");
        checkPage("referral-answered");
    }
}

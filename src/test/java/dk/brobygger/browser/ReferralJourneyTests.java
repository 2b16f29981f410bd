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
 * The whole bridge in a real browser (issue 15): a Fællesteam member finds an offer on the citizen's tab, sees its
 * fit, sends the referral and finds it on "Mine henvisninger"; the association's contact finds it from the start
 * page in the inbox and says yes; the Fællesteam member asks a volunteer to go along, who says yes on her phone; the
 * association records that Karen came; and Karen sees it all in /mig on her phone and says "ja tak". Every page
 * passes axe, fits a 360 px phone and names people and things in words.
 */
class ReferralJourneyTests extends BrowserJourney {

    @Autowired TestHomeVisits data;
    @Autowired TestDirectory directory;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired dk.brobygger.referral.TestAccompaniment accompaniment;

    UUID karen;

    @BeforeEach
    void karenAndAKnittingClubThatWelcomesHer() {
        data.reset();
        directory.reset();
        accompaniment.reset();
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
        accompaniment.volunteer("Birgit Holm Sørensen", "7100", false, "frivillig");
        users.linkCitizen("borger", karen);
        browser.manage().deleteAllCookies();
    }

    @Test
    void theFaellesteamRefersKarenTheClubSaysYesBirgitGoesAlongAndKarenSeesItOnHerPhone() throws Exception {
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
        if (!browser.findElement(By.id("foelgeskab")).isSelected()) {
            browser.findElement(By.cssSelector("label[for=foelgeskab]")).click();
        }
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
            String referral = browser.getCurrentUrl().replaceAll(".*/forening/henvisninger/([0-9a-f-]+).*", "$1");

        browser.manage().deleteAllCookies();
        logIn("faellesteam");
        browser.get(url("/henvisninger/" + referral));
        waitUntil(() -> heading().equals("Henvisning til Strikkecafé"));
        browser.findElement(By.linkText("Find en frivillig")).click();
        waitUntil(() -> heading().equals("Find en frivillig til Strikkecafé"));
        browser.findElements(By.cssSelector("#forslag > li")).getFirst()
                .findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(() -> heading().equals("Henvisning til Strikkecafé"));
        assertThat(browser.findElement(By.id("foelgeskab")).getText()).contains("Birgit Holm Sørensen");

        browser.manage().deleteAllCookies();
        logIn("frivillig");
        browser.get(url("/frivillig"));
        waitUntil(() -> heading().equals("Mine opgaver"));
        browser.findElement(By.partialLinkText("Følgeskab med Karen")).click();
        waitUntil(() -> heading().equals("Følgeskab til Strikkecafé"));
        browser.findElement(By.cssSelector("button[value=JA]")).click();
        waitUntil(() -> browser.findElement(By.tagName("main")).getText().contains("Tak! Du går med"));

        browser.manage().deleteAllCookies();
        logIn("kontakt");
        browser.get(url("/forening/henvisninger/" + referral));
        waitUntil(() -> heading().equals("Henvisning til Strikkecafé"));
        browser.findElement(By.cssSelector("button[value=CAME]")).click();
        waitUntil(() -> browser.findElement(By.tagName("main")).getText().contains("Dit svar er gemt"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("I gang");
        checkPage("referral-came");
        browser.get(url("/forening/kapacitet"));
        waitUntil(() -> heading().equals("Ledige pladser"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Strikkecafé");
        checkPage("capacity");

        browser.manage().deleteAllCookies();
        logIn("leder");
        browser.get(url("/leder/statistik/henvisninger"));
        waitUntil(() -> heading().equals("Henvisninger i tal"));
        checkPage("referral-funnel");

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(PHONE_WIDTH, 800));
        try {
            logIn("borger");
            browser.get(url("/mig/henvisninger"));
            waitUntil(() -> heading().equals("Mine henvisninger"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("Strikkecafé")
                    .contains("Strikkeklubben Maske for Maske").contains("Birgit").contains("Torvet 1");
            checkPage("referral-citizen-phone");
            browser.findElement(By.cssSelector("label[for^=svar-][for$=-YES]")).click();
            browser.findElement(By.cssSelector("form.my-referral-answer button[type=submit]")).click();
            waitUntil(() -> browser.findElement(By.tagName("main")).getText().contains("Tak for dit svar"));
            checkPage("referral-citizen-answered");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }
}

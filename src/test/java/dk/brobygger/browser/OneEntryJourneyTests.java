package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.course.TestCourses;
import dk.brobygger.directory.TestDirectory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Én indgang in a real browser (issue 16): a mother phones about her son, the host records it, finds by CPR that
 * the municipality knows him, starts a CTI course the same day, records a contact, moves the course on to its next
 * phase (correcting the contact's length and asking the baseline on the way), plans the exit to an association
 * found in the portal and ends the course there, as proposed; months later the son comes back, and the host,
 * starting a new course, sees the earlier one. Every page passes axe, fits a 360 px phone and names people and things in words.
 */
class OneEntryJourneyTests extends BrowserJourney {

    static final String CPR = "120389-4321";

    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;
    @Autowired JdbcClient jdbc;
    @Autowired TestDirectory directory;

    UUID sind;

    @BeforeEach
    void mikkelIsKnownToTheMunicipalityButNotToTheHost() {
        courses.reset();
        citizens.reset();
        citizens.registered(CPR, "Mikkel Holm", "hjemmebesog");
        directory.reset();
        var association = directory.organization("Foreningen Sind Fjordlund");
        sind = directory.offer(directory.location(association, "Vestergade 9", "7120", "VEST", 55.7004, 9.4705, true),
                "Sinds samtalegruppe").category("kreativ").description("Vi mødes og taler om, hvordan det går.")
                .save().id();
        browser.manage().deleteAllCookies();
    }

    void recordInquiry(String who, String wish) throws Exception {
        browser.get(url("/indgang"));
        waitUntil(() -> heading().equals("Én indgang"));
        browser.findElement(By.id("ny-henvendelse")).click();
        waitUntil(() -> heading().equals("Ny henvendelse"));
        browser.findElement(By.cssSelector("label[for=hvem-" + who + "]")).click();
        browser.findElement(By.id("oensker")).sendKeys(wish);
        if (who.equals("RELATIVE")) {
            browser.findElement(By.id("navn")).sendKeys("Lone Holm");
            browser.findElement(By.id("paaVegneAf")).sendKeys("sin søn Mikkel, 37 år");
        }
        browser.findElement(By.cssSelector("#henvendelse button[type=submit]")).click();
        waitUntil(() -> heading().equals("Henvendelse"));
    }

    UUID startCourse(String type, String exitTo) {
        browser.findElement(By.id("cpr")).sendKeys(CPR);
        browser.findElement(By.id("find-cpr")).click();
        waitUntil(() -> !browser.findElements(By.id("opslag")).isEmpty());
        assertThat(browser.findElement(By.id("opslag")).getText()).contains("Borgeren er kendt i kommunen");
        new Select(browser.findElement(By.id("type"))).selectByVisibleText(type);
        browser.findElement(By.id("start-til")).sendKeys(exitTo);
        browser.findElement(By.id("start-knap")).click();
        waitUntil(() -> browser.getCurrentUrl().contains("/forloeb/"));
        String address = browser.getCurrentUrl();
        return UUID.fromString(address.substring(address.lastIndexOf('/') + 1));
    }

    @Test
    void aMotherPhonesHisCourseStartsTheSameDayMovesOnEndsInAnAssociationAndHeComesBack() throws Exception {
        logIn("vaert");
        recordInquiry("RELATIVE", "Han sidder alene i sin lejlighed og vil gerne have hjælp til at komme ud");
        checkPage("one-entry-inquiry");
        browser.get(url("/indgang"));
        waitUntil(() -> heading().equals("Én indgang"));
        checkPage("one-entry-board");
        // The host finds the mother's inquiry by searching the board's text, with the keyboard alone.
        browser.findElement(By.id("soeg")).sendKeys("LONE holm", Keys.ENTER);
        waitUntil(() -> !browser.findElements(By.id("soegning")).isEmpty());
        assertThat(browser.findElement(By.id("tavle")).getText()).contains("sin søn Mikkel");
        checkPage("one-entry-board-search");
        browser.findElement(By.id("soeg")).clear();
        browser.findElement(By.id("soeg")).sendKeys("strikketøj", Keys.ENTER);
        waitUntil(() -> browser.findElements(By.id("tavle")).isEmpty());
        assertThat(browser.findElement(By.id("soegning")).getText())
                .contains("Ingen henvendelser matcher »strikketøj«.").contains("Ryd søgningen");
        checkPage("one-entry-board-no-match");
        browser.findElement(By.id("ryd-soegning")).click();
        waitUntil(() -> browser.findElements(By.id("soegning")).isEmpty());
        browser.findElement(By.cssSelector("#tavle a")).click();
        waitUntil(() -> heading().equals("Henvendelse"));

        UUID first = startCourse("CTI - Critical Time Intervention (43 uger)", "Foreningen Sind");
        checkPage("one-entry-course");
        assertThat(browser.findElement(By.id("samme-dag")).getText()).contains("samme dag som henvendelsen");
        assertThat(browser.findElement(By.id("fase")).getText()).isEqualTo("Fase 1 af 4: Kontaktetablering");

        browser.findElement(By.cssSelector("label[for=slags-HOME_VISIT]")).click();
        browser.findElement(By.id("kontakt-note")).sendKeys("Gik en tur til søen");
        browser.findElement(By.id("gem-kontakt")).click();
        waitUntil(() -> browser.findElement(By.id("kontakter")).getText().contains("Gik en tur til søen"));

        // The contact lasted longer than typed: the host corrects it, and the correction is kept with who and when.
        browser.findElement(By.cssSelector("#kontakter .ret-kontakt-link")).click();
        waitUntil(() -> !browser.findElements(By.id("ret-minutter")).isEmpty());
        checkPage("one-entry-contact-correction");
        var minutes = browser.findElement(By.id("ret-minutter"));
        minutes.clear();
        minutes.sendKeys("50");
        browser.findElement(By.id("ret-begrundelse")).sendKeys("Turen tog længere tid");
        browser.findElement(By.id("gem-rettelse")).click();
        waitUntil(() -> !browser.findElements(By.id("rettelser")).isEmpty());
        assertThat(browser.findElement(By.id("rettelser")).getText()).contains("Minutter: 30 → 50")
                .contains("Turen tog længere tid");
        checkPage("one-entry-course-corrected");

        // The baseline: the CTI type's instrument (UCLA-3), asked on the course and kept among the citizen's scores.
        browser.findElement(By.id("maal-baseline")).click();
        waitUntil(() -> heading().startsWith("Baselinemåling"));
        checkPage("one-entry-baseline");
        for (int item = 0; item < 3; item++) {
            browser.findElement(By.cssSelector("label[for=svar-" + item + "-3]")).click();
        }
        browser.findElement(By.id("gem-maaling")).click();
        waitUntil(() -> !browser.findElements(By.id("baseline-score")).isEmpty()
                && browser.findElement(By.id("baseline-score")).getText().startsWith("9"));

        browser.findElement(By.id("skift-fase")).click();
        waitUntil(() -> browser.findElement(By.id("fase")).getText().equals("Fase 2 af 4: Overgang"));
        checkPage("one-entry-course-phase-2");

        // The exit goes to an association in the portal: found from the course, with "Henvis" beside it.
        browser.findElement(By.id("tilbudsord")).sendKeys("samtalegruppe");
        browser.findElement(By.id("soeg-tilbud")).click();
        waitUntil(() -> !browser.findElements(By.id("tilbud-fund")).isEmpty());
        assertThat(browser.findElement(By.id("tilbud-fund")).getText()).contains("Sinds samtalegruppe").contains("Henvis");
        checkPage("one-entry-exit-offer");
        // The planned exit names the offer: shown with its card, and proposed when the course ends.
        browser.findElement(By.cssSelector("#ret-planlagt-udgang summary")).click();
        browser.findElement(By.cssSelector("label[for=plan-tilbud-" + sind + "]")).click();
        browser.findElement(By.cssSelector("label[for=plan-udgang-COMMUNITY]")).click();
        browser.findElement(By.id("gem-planlagt-udgang")).click();
        waitUntil(() -> !browser.findElements(By.id("planlagt-udgang-tilbud")).isEmpty());
        assertThat(browser.findElement(By.id("planlagt-udgang-tilbud")).getText()).contains("Sinds samtalegruppe");
        checkPage("one-entry-planned-offer");
        assertThat(browser.findElement(By.id("tilbud-" + sind)).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("udgang-COMMUNITY")).isSelected()).isTrue();
        browser.findElement(By.id("enig-ja")).click();
        browser.findElement(By.id("afslut-knap")).click();
        waitUntil(() -> heading().equals("Én indgang"));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .contains("Forløbet er afsluttet med en udgang");
        assertThat(jdbc.sql("SELECT exit_to FROM course WHERE id = :id").param("id", first).query(String.class)
                .single()).isEqualTo("Foreningen Sind");
        assertThat(jdbc.sql("SELECT offer_id FROM course_exit_offer WHERE course_id = :id").param("id", first)
                .query(UUID.class).single()).isEqualTo(sind);

        // Four months later Mikkel walks in himself.
        courses.backdate(first, 120);
        recordInquiry("CITIZEN", "Det går skidt igen, jeg vil gerne tale med nogen");
        startCourse("Kort forløb i Én indgang (12 uger)", "Løbeklubben Fjordlund");
        checkPage("one-entry-return");
        assertThat(browser.findElement(By.id("igen")).getText()).isEqualTo("120 dage efter sidste forløb");
        assertThat(browser.findElement(By.id("andre-forloeb")).getText())
                .contains("CTI - Critical Time Intervention").contains("Foreningen Sind");
    }
}

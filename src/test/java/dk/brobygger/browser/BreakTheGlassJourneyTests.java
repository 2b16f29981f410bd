package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.citizen.TestCitizens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Need-to-know in a real browser: a colleague from the Fællesteam looks a citizen up by CPR number,
 * is refused, breaks the glass with a reason and sees the citizen; then the citizen logs in and reads
 * in "Mine oplysninger" who saw their record and why. On the way, the staff pages must pass axe-core's
 * WCAG 2.1 A and AA rules without serious or critical violations.
 */
class BreakTheGlassJourneyTests extends BrowserJourney {

    private static final String CPR = "150551-1234";
    private static final String REASON = "Borgerens datter ringede til akuttelefonen om et fald i nat";

    @Autowired TestCitizens citizens;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    UUID karen;

    @BeforeEach
    void karenIsTheHomeVisitorsCitizenAndHasALogin() {
        citizens.reset();
        jdbc.sql("DELETE FROM citizen_relation").update();
        jdbc.sql("DELETE FROM break_the_glass").update();
        karen = citizens.registered(CPR, "Karen Jensen", "hjemmebesog");
        users.linkCitizen("borger", karen);
        browser.manage().deleteAllCookies();
    }

    @Test
    void aColleagueBreaksTheGlassAndTheCitizenSeesWhoAndWhy() throws Exception {
        logIn("faellesteam");
        browser.get(url("/borgere"));
        checkPage("glass-1-search");

        browser.findElement(By.id("q")).sendKeys("Karen");
        browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        waitUntil(() -> browser.findElement(By.cssSelector("[role=status]")).getText().equals("Ingen borgere fundet"));

        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys(CPR);
        browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        waitUntil(() -> heading().equals("Du har ikke adgang til borgeren"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Karen");
        checkPage("glass-2-refused");

        browser.findElement(By.id("begrundelse")).sendKeys(REASON);
        browser.findElement(By.cssSelector(".break-the-glass button[type=submit]")).click();
        waitUntil(() -> heading().equals("Karen Jensen"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(CPR).contains("Vestergade 3")
                .contains("Bor alene");
        checkPage("glass-4-overview");

        browser.findElement(By.linkText("Netværk")).click();
        waitUntil(() -> heading().equals("Karen Jensens netværk"));
        checkPage("glass-5-network");
        browser.findElement(By.linkText("Samtykker")).click();
        waitUntil(() -> heading().equals("Karen Jensens samtykker"));
        checkPage("glass-6-consents");
        browser.findElement(By.linkText("Ret oplysninger")).click();
        waitUntil(() -> heading().equals("Ret borgerens oplysninger"));
        checkPage("glass-7-edit");
        logOut();

        logIn("borger");
        browser.get(url("/mig"));
        waitUntil(() -> heading().equals("Mine oplysninger"));
        String report = browser.findElement(By.cssSelector(".access-report")).getText();
        assertThat(report).contains("Finn Fællesteam").contains("uden at have en sag med dig").contains(REASON);
        checkPage("glass-8-mine");
    }

    @Test
    void aHomeVisitorRegistersACitizenCorrectsTheMistakesAndMeetsAColleaguesChange() throws Exception {
        logIn("hjemmebesog");
        browser.get(url("/borgere"));
        browser.findElement(By.linkText("Registrér en ny borger")).click();
        waitUntil(() -> heading().equals("Registrér en ny borger"));
        browser.findElement(By.id("cpr")).sendKeys("310245-1236");
        browser.findElement(By.id("name")).sendKeys("Ole <b>Hansen</b>");
        browser.findElement(By.id("postcode")).sendKeys("71");
        browser.findElement(By.cssSelector("form[novalidate] button[type=submit]")).click();
        waitUntil(() -> browser.findElement(By.cssSelector(".error-summary")).getText()
                .contains("CPR-nummeret indeholder en dato, der ikke findes."));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("Et postnummer har 4 cifre, fx 7100.");
        checkPage("register-1-errors");

        browser.findElement(By.id("cpr")).clear();
        browser.findElement(By.id("cpr")).sendKeys("020346-1235");
        browser.findElement(By.id("postcode")).clear();
        browser.findElement(By.id("postcode")).sendKeys("7100");
        browser.findElement(By.cssSelector("form[novalidate] button[type=submit]")).click();
        waitUntil(() -> heading().equals("Ole <b>Hansen</b>"));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("Borgeren er registreret.");

        browser.findElement(By.linkText("Ret oplysninger")).click();
        waitUntil(() -> heading().equals("Ret borgerens oplysninger"));
        // A colleague saves a new phone number while the form is open.
        jdbc.sql("UPDATE citizen SET phone = '99 88 77 66', updated_by = 'akut', version = version + 1 WHERE cpr = '0203461235'")
                .update();
        browser.findElement(By.id("phone")).sendKeys("11 22 33 44");
        browser.findElement(By.cssSelector("form[novalidate] button[type=submit]")).click();
        waitUntil(() -> browser.findElement(By.id("konflikt")).getText().contains("Nogen har ændret borgeren, mens du skrev"));
        assertThat(browser.findElement(By.cssSelector(".conflict-table")).getText()).contains("99 88 77 66")
                .contains("11 22 33 44");
        checkPage("register-2-conflict");

        browser.findElement(By.cssSelector("form[novalidate] button[type=submit]")).click();
        waitUntil(() -> heading().equals("Ole <b>Hansen</b>"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("11 22 33 44");
    }

    private void logOut() {
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        waitUntil(() -> browser.getCurrentUrl().contains("logget-ud"));
    }
}

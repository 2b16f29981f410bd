package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.course.TestCourses;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Én indgang in figures in a real browser: a host records an inquiry and starts a course, and the manager opens the
 * year's figures; the page with its charts and tables passes axe, fits a 360 px phone and says everything in words.
 */
class OneEntryFiguresJourneyTests extends BrowserJourney {

    static final String CPR = "120389-4321";

    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;

    @BeforeEach
    void mikkelIsKnownToTheMunicipality() {
        courses.reset();
        citizens.reset();
        citizens.registered(CPR, "Mikkel Holm", "hjemmebesog");
        browser.manage().deleteAllCookies();
    }

    @Test
    void aManagerReadsTheYearOfOneEntryOnAPhone() throws Exception {
        logIn("vaert");
        browser.get(url("/indgang/ny"));
        waitUntil(() -> heading().equals("Ny henvendelse"));
        browser.findElement(By.cssSelector("label[for=hvem-CITIZEN]")).click();
        browser.findElement(By.id("oensker")).sendKeys("Jeg vil gerne tale med nogen");
        browser.findElement(By.cssSelector("#henvendelse button[type=submit]")).click();
        waitUntil(() -> heading().equals("Henvendelse"));
        browser.findElement(By.id("cpr")).sendKeys(CPR);
        browser.findElement(By.id("find-cpr")).click();
        waitUntil(() -> !browser.findElements(By.id("opslag")).isEmpty());
        new Select(browser.findElement(By.id("type"))).selectByVisibleText("Kort forløb i Én indgang (12 uger)");
        browser.findElement(By.id("start-til")).sendKeys("Foreningen Sind");
        browser.findElement(By.id("start-knap")).click();
        waitUntil(() -> browser.getCurrentUrl().contains("/forloeb/"));

        browser.manage().deleteAllCookies();
        logIn("leder");
        browser.get(url("/leder/statistik"));
        browser.findElement(By.linkText("Én indgang i tal")).click();
        waitUntil(() -> heading().equals("Én indgang i tal"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Henvendelser").contains("<5")
                .doesNotContain("Mikkel");
        assertThat(browser.findElements(By.cssSelector("figure.stats-chart svg"))).hasSize(4);
        checkPage("one-entry-figures");
    }
}

package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An administrator's journey in a real browser: log in, open Brugere from the menu, make a mistake
 * in the new-user form, correct it, and land on the new user's page with its history. Every page
 * must pass axe-core's WCAG 2.1 A and AA rules without serious or critical violations.
 */
class AdministratorManagesUsersJourneyTests extends BrowserJourney {

    @Test
    void anAdministratorCreatesAUserAndSeesTheHistory() throws Exception {
        String username = "tina-" + UUID.randomUUID().toString().substring(0, 6);
        logIn("admin");

        browser.findElement(By.linkText("Administration")).click();
        waitUntil(() -> heading().equals("Administration"));
        browser.findElement(By.linkText("Brugere")).click();
        waitUntil(() -> heading().equals("Brugere"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Anne Administrator");
        checkPage("users-1-list");

        browser.findElement(By.linkText("Opret bruger")).click();
        waitUntil(() -> heading().equals("Opret bruger"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("Tina Testesen");
        browser.findElement(By.cssSelector("form button[type=submit].button-primary")).click();
        waitUntil(() -> browser.findElements(By.cssSelector(".alert-error")).size() == 1);
        assertThat(browser.findElement(By.cssSelector(".alert-error")).getText()).contains("Vælg mindst én rolle.");
        assertThat(browser.findElement(By.id("username")).getDomProperty("value")).isEqualTo(username);
        checkPage("users-2-form-with-error");

        browser.findElement(By.cssSelector("input[name=roles][value=STAFF]")).click();
        browser.findElement(By.cssSelector("input[name=teams][value=jobcenter]")).click();
        browser.findElement(By.id("password")).sendKeys("en-lang-adgangskode");
        browser.findElement(By.cssSelector("form button[type=submit].button-primary")).click();
        waitUntil(() -> heading().equals("Tina Testesen"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Brugeren er oprettet.")
                .contains("Oprettet med rollerne: Medarbejder")
                .contains("Tilføjet til teamet Jobcenter");
        checkPage("users-3-user");
    }
}

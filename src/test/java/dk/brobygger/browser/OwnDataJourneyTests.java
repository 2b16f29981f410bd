package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.citizen.TestCitizens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A citizen's journey in a real browser: log in, see their record, network and consents, withdraw
 * a consent after being asked, and read the receipt. Every page must pass axe-core's WCAG 2.1 A and
 * AA rules without serious or critical violations.
 */
class OwnDataJourneyTests extends BrowserJourney {

    private static final String NURSE = "Basic " + Base64.getEncoder()
            .encodeToString("hjemmebesog:demo".getBytes(StandardCharsets.UTF_8));

    @Autowired TestCitizens citizens;
    @Autowired Users users;

    @Test
    void aCitizenSeesTheirDataAndWithdrawsAConsent() throws Exception {
        citizens.reset();
        String karen = idOf(api("/api/citizens", """
                {"cpr": "150551-1234", "name": "Karen Jensen", "address": "Vestergade 3",
                 "postcode": "7120", "district": "VEST", "livingSituation": "ALONE"}
                """));
        users.linkCitizen("borger", UUID.fromString(karen));
        api("/api/citizens/" + karen + "/network",
                "{\"kind\": \"PRIVATE\", \"name\": \"Mette Jensen\", \"role\": \"datter\", \"closeness\": 1}");
        api("/api/citizens/" + karen + "/consents",
                "{\"party\": \"RELATIVES\", \"partyName\": \"Mette Jensen\", \"scope\": \"Deltagelse i netværksmøder\"}");

        logIn("borger");
        browser.get(url("/mig"));
        waitUntil(() -> heading().equals("Mine oplysninger"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Karen Jensen").contains("Mette Jensen").contains("Deltagelse i netværksmøder")
                .contains("Hanne Hjemmebesøg");
        checkPage("citizen-1-own-data");

        browser.findElement(By.cssSelector("table.consents-active a.button")).click();
        waitUntil(() -> heading().equals("Træk samtykke tilbage"));
        checkPage("citizen-2-withdraw-asks-first");

        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil(() -> browser.findElements(By.cssSelector(".alert-success")).size() == 1);
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .startsWith("Kvittering: Du har trukket dit samtykke til deling med pårørende (Mette Jensen) tilbage");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Du har ingen samtykker, der gælder nu.")
                .contains("Trukket tilbage af dig den");
        checkPage("citizen-3-receipt");
    }

    private String api(String path, String json) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Authorization", NURSE).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(201);
        return response.body();
    }

    private static String idOf(String json) {
        return json.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}

package dk.brobygger.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dk.brobygger.directory.TestDirectory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A home visitor's journey in a real browser: search the portal, open an offer, make a community
 * card from the search and fetch it as PDF. Every page must pass axe-core's WCAG 2.1 A and AA rules
 * without serious or critical violations (webtilgængelighedsloven).
 */
class SearchToCardJourneyTests extends BrowserJourney {

    @Autowired TestDirectory directory;

    @BeforeEach
    void municipality() {
        directory.reset();
        var library = directory.organization("Fjordlund Bibliotek");
        var centrum = directory.location(library, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        directory.offer(centrum, "Strikkeklubben").category("kreativ").targetGroup("seniorer")
                .description("Vi strikker, drikker kaffe og hygger os.").save();
        directory.offer(centrum, "Gåture langs fjorden").category("motion").targetGroup("seniorer")
                .meets(DayOfWeek.SATURDAY, 14, 16).description("Vi går en tur sammen hver lørdag.").save();
    }

    @Test
    void aHomeVisitorFindsAnOfferAndPrintsACardForTheSearch() throws Exception {
        browser.get(url("/tilbud"));
        assertThat(heading()).isEqualTo("Find fællesskaber");
        assertThat(resultCount()).isEqualTo("2 tilbud");
        checkPage("1-search");

        browser.findElement(By.id("q")).sendKeys("strik");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        // htmx swaps the results in place; wait until the page has settled on the new result.
        waitUntil(() -> resultCount().equals("1 tilbud") && browser.findElements(By.cssSelector(".result-title a"))
                .stream().map(WebElement::getText).toList().equals(List.of("Strikkeklubben")));
        checkPage("2-search-results");

        browser.findElement(By.linkText("Strikkeklubben")).click();
        waitUntil(() -> heading().equals("Strikkeklubben"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Tirsdage kl. 10–12")
                .contains("Fjordlund Bibliotek");
        checkPage("3-offer");

        browser.navigate().back();
        WebElement cardLink = waitFor(By.linkText("Lav et visitkort med denne søgning"));
        cardLink.click();
        waitUntil(() -> heading().equals("Visitkort til Fællesskabsportalen"));
        assertThat(browser.getCurrentUrl()).contains("/tilbud/visitkort?q=strik");
        WebElement card = browser.findElement(By.cssSelector(".community-card"));
        // Without a configured portal-url the card prints the address the request came to: this test server's.
        assertThat(card.getText()).contains("Fjordlund Kommune").contains("Tilbud om „strik“").contains("localhost:" + port);
        WebElement qr = card.findElement(By.cssSelector("svg.qr-code"));
        assertThat(qr.isDisplayed()).isTrue();
        assertThat(qr.getSize().getWidth()).isGreaterThan(150);
        checkPage("4-card");

        String pdfLink = browser.findElement(By.linkText("Hent som PDF")).getDomAttribute("href");
        assertThat(pdfLink).isEqualTo("/tilbud/visitkort.pdf?q=strik");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url(pdfLink))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(card.isDisplayed()).isTrue();
            assertThat(browser.findElement(By.tagName("header")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("card-form")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("[data-print]")).isDisplayed()).isFalse();
            screenshot("5-card-printed");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private String resultCount() {
        return browser.findElement(By.cssSelector(".result-count")).getText();
    }
}

package dk.brobygger.directory.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.shared.MunicipalityProperties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The community card a home visitor prints and hands to a citizen. */
@BrobyggerTest
class CommunityCardTests {

    @Autowired MockMvc mvc;
    @Autowired TestDirectory directory;
    @Autowired MunicipalityProperties municipality;

    @BeforeEach
    void municipalityWithTwoDistricts() {
        directory.reset();
    }

    @Test
    void theQrCodeOpensThePreFilteredSearchInThePortal() throws Exception {
        String page = html(get("/tilbud/visitkort").param("maalgruppe", "seniorer").param("bydel", "VEST"));

        assertThat(QrScanner.scanSvg(page))
                .isEqualTo(municipality.portalAddress() + "/tilbud?maalgruppe=seniorer&bydel=VEST");
        assertThat(page).contains("Tilbud til seniorer 65+ i Fjordlund Vest");
    }

    @Test
    void danishLettersInTheFilterAreEncodedSoAnyPhoneOpensTheLink() throws Exception {
        String page = html(get("/tilbud/visitkort").param("bydel", "ØST").param("gratis", "true"));

        assertThat(QrScanner.scanSvg(page)).isEqualTo(municipality.portalAddress() + "/tilbud?bydel=%C3%98ST&gratis=true");
        assertThat(page).contains("Tilbud i Fjordlund Øst, gratis");
    }

    @Test
    void withoutAConfiguredAddressTheCardLeadsToTheHostTheRequestCameToNotToAForgedOne() throws Exception {
        String page = html(get("/tilbud/visitkort").with(request -> {
            request.setServerName("fjordlund.example");
            request.setServerPort(8443);
            request.setScheme("https");
            return request;
        }).header("X-Forwarded-Host", "forged.example"));

        // X-Forwarded-Host counts only from the trusted proxies (none are configured here).
        assertThat(QrScanner.scanSvg(page)).isEqualTo("https://fjordlund.example:8443/tilbud");
        assertThat(page).contains("fjordlund.example:8443").doesNotContain("forged.example");
    }

    @Test
    void aConfiguredPortalAddressIsPrintedWhereverTheCardIsMade() {
        assertThat(new MunicipalityProperties("Fjordlund Kommune", "https://faellesskaber.fjordlund.dk/").portalAddress())
                .isEqualTo("https://faellesskaber.fjordlund.dk");
        assertThat(new MunicipalityProperties("Fjordlund Kommune", " ").portalUrl()).isNull();
    }

    @Test
    void withoutAFilterTheCardLeadsToAllOffers() throws Exception {
        String page = html(get("/tilbud/visitkort"));

        assertThat(QrScanner.scanSvg(page)).isEqualTo(municipality.portalAddress() + "/tilbud");
        assertThat(page).contains("Alle fællesskaber og tilbud");
    }

    @Test
    void theFilterFromTheSearchPageIsPreFilled() throws Exception {
        String page = html(get("/tilbud/visitkort").param("kategori", "motion").param("maalgruppe", "seniorer")
                .param("stoette", "ACCOMPANIED").param("koersel", "true"));

        assertThat(page).containsPattern("name=\"kategori\" id=\"kategori-motion\" value=\"motion\" checked")
                .containsPattern("name=\"maalgruppe\" id=\"maalgruppe-seniorer\" value=\"seniorer\" checked")
                .containsPattern("id=\"stoette-ACCOMPANIED\" value=\"ACCOMPANIED\" checked")
                .containsPattern("id=\"koersel\" value=\"true\" checked")
                .doesNotContainPattern("id=\"kategori-kultur\" value=\"kultur\" checked")
                .contains("Tilbud inden for motion til seniorer 65+, med følgeskab, med kørsel")
                .contains("href=\"/tilbud/visitkort.pdf?kategori=motion&amp;maalgruppe=seniorer&amp;stoette=ACCOMPANIED&amp;koersel=true\"");
    }

    @Test
    void anUnknownCategoryIsLeftOutRatherThanAnError() throws Exception {
        String page = html(get("/tilbud/visitkort").param("kategori", "findes-ikke").param("kategori", "motion"));

        assertThat(QrScanner.scanSvg(page)).isEqualTo(municipality.portalAddress() + "/tilbud?kategori=motion");
        assertThat(page).contains("Tilbud inden for motion").doesNotContain("findes-ikke");

        String onlyUnknown = html(get("/tilbud/visitkort").param("kategori", "findes-ikke").param("stoette", "MEGET"));
        assertThat(QrScanner.scanSvg(onlyUnknown)).isEqualTo(municipality.portalAddress() + "/tilbud");
    }

    @Test
    void hostileParameterValuesAreShownAsTextNeverAsMarkup() throws Exception {
        String page = html(get("/tilbud/visitkort").param("q", "<script>alert('x')</script>")
                .param("kategori", "\"><img src=x onerror=alert(1)>").param("bydel", "<b>VEST</b>"));

        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>VEST")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(QrScanner.scanSvg(page)).isEqualTo(municipality.portalAddress()
                + "/tilbud?q=%3Cscript%3Ealert('x')%3C/script%3E");
    }

    @Test
    void thePdfIsAnA6CardWithTheAddressTheFilterAndTheSameQrCode() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/tilbud/visitkort.pdf")
                .param("maalgruppe", "seniorer").param("bydel", "VEST")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("inline; filename=\"visitkort.pdf\"");
        byte[] pdf = response.getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        var reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(reader.getPageSize(1).getWidth()).isEqualTo(PageSize.A6.getWidth());
        assertThat(reader.getPageSize(1).getHeight()).isEqualTo(PageSize.A6.getHeight());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains(municipality.portalAddress().replaceFirst("^https?://", ""))
                .contains("Fællesskabsportalen").contains("Tilbud til seniorer 65+ i Fjordlund Vest")
                .contains("Scan koden med kameraet på din mobil");
        assertThat(QrScanner.scanPdf(pdf)).isEqualTo(municipality.portalAddress() + "/tilbud?maalgruppe=seniorer&bydel=VEST");
    }

    @Test
    void aLongFilterStillFitsOnOneCard() throws Exception {
        var request = get("/tilbud/visitkort.pdf").param("q", "x".repeat(500)).param("sted", "Vestergade 10, 7100 Fjordlund")
                .param("afstand", "5").param("gratis", "true").param("koerestol", "true").param("koersel", "true");
        for (String code : new String[] {"motion", "kultur", "faellesspisning", "samtalegruppe", "frivilligt-arbejde",
                "raadgivning", "akut", "kreativ", "natur", "laering", "socialt-samvaer", "peer", "besoeg"}) {
            request.param("kategori", code);
        }
        byte[] pdf = mvc.perform(request).andReturn().getResponse().getContentAsByteArray();

        var reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " "))
                .contains("højst 5 km fra Vestergade 10, 7100 Fjordlund, gratis");
        assertThat(QrScanner.scanPdf(pdf)).startsWith(municipality.portalAddress() + "/tilbud?q=xxxx");
    }

    @Test
    void theCardSpeaksEnglishToo() throws Exception {
        String page = html(get("/tilbud/visitkort").param("lang", "en").param("maalgruppe", "seniorer"));

        assertThat(page).contains("Print the card").contains("Offers for seniors 65+");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}

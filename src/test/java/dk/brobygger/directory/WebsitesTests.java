package dk.brobygger.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Users;
import dk.brobygger.directory.offer.Location;
import dk.brobygger.directory.offer.Offer;
import dk.brobygger.directory.offer.Offers;
import dk.brobygger.directory.offer.Organization;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hjemmeside: an offer's or an organisation's website is an http or https address with a host, whether an
 * editor types it, a CSV or HSDS file brings it, or it was stored before the rule; nothing else is a link.
 */
@BrobyggerTest
class WebsitesTests {

    static final List<String> NOT_WEBSITES = List.of("javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "ftp://example.dk/fil");
    static final String WEBSITE = "https://example.dk/x";

    @Autowired MockMvc mvc;
    @Autowired TestDirectory directory;
    @Autowired Offers offers;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Users users;

    Organization knitters;
    Location library;
    Offer knitting;

    @BeforeEach
    void directory() {
        directory.reset();
        knitters = directory.organization("Strikkeforeningen");
        library = directory.location(knitters, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        knitting = directory.offer(library, "Strikkeklubben").save();
    }

    @Test
    void theOfferAndOrganisationFormsTakeOnlyAWebsite() throws Exception {
        for (String text : NOT_WEBSITES) {
            String offerPage = saveOffer(text).andReturn().getResponse().getContentAsString();
            String organisationPage = saveOrganisation(text).andReturn().getResponse().getContentAsString();

            assertThat(offerPage).as(text).contains("begynder med https://");
            assertThat(organisationPage).as(text).contains("begynder med https://");
        }
        assertThat(offers.findById(knitting.id()).orElseThrow().url()).isNull();
        assertThat(website()).isNull();

        saveOffer(WEBSITE);
        saveOrganisation(WEBSITE);

        assertThat(offers.findById(knitting.id()).orElseThrow().url()).isEqualTo(WEBSITE);
        assertThat(website()).isEqualTo(WEBSITE);
    }

    @Test
    void aCsvImportReportsTheRowWithANonWebsiteAndImportsNothing() throws Exception {
        for (String text : NOT_WEBSITES) {
            for (String column : List.of("hjemmeside", "organisation_hjemmeside")) {
                String csv = "navn;beskrivelse;organisation;adresse;postnummer;by;bydel;" + column + "\n"
                        + "Gåtur;Vi går.;Ældre Sagen;Torvet 1;7100;Fjordlund;VEST;\"" + text.replace("\"", "\"\"") + "\"\n";

                String report = upload("tilbud.csv", csv);

                assertThat(report).as(text).contains("Intet er importeret", "Række 2:", "er ikke en webadresse");
            }
        }
        assertThat(offers.count()).isOne();

        upload("tilbud.csv", "navn;beskrivelse;organisation;adresse;postnummer;by;bydel;hjemmeside;organisation_hjemmeside\n"
                + "Gåtur;Vi går.;Ældre Sagen;Torvet 1;7100;Fjordlund;VEST;" + WEBSITE + ";" + WEBSITE + "\n");

        assertThat(offers.count()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT url FROM offer WHERE name = 'Gåtur'").query(String.class).single()).isEqualTo(WEBSITE);
    }

    @Test
    void anHsdsImportReportsTheServiceWithANonWebsiteAndImportsNothing() throws Exception {
        String exported = mvc.perform(get("/hsds/services/{id}", knitting.id())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (String text : NOT_WEBSITES) {
            var service = (ObjectNode) json.readTree(exported);
            service.put("name", "Strikkecafé");
            service.put("url", text);
            var organisationWebsite = (ObjectNode) json.readTree(exported);
            organisationWebsite.put("name", "Strikkecafé");
            ((ObjectNode) organisationWebsite.get("organization")).put("website", text);

            for (var file : List.of(service, organisationWebsite)) {
                assertThat(upload("tilbud.json", json.writeValueAsString(file))).as(text)
                        .contains("Intet er importeret", "Række 1:", "er ikke en webadresse");
            }
        }
        assertThat(offers.count()).isOne();

        var service = (ObjectNode) json.readTree(exported);
        service.put("name", "Strikkecafé");
        service.put("url", WEBSITE);
        upload("tilbud.json", json.writeValueAsString(service));

        assertThat(jdbc.sql("SELECT url FROM offer WHERE name = 'Strikkecafé'").query(String.class).single())
                .isEqualTo(WEBSITE);
    }

    @Test
    void aNonWebsiteStoredBeforeTheRuleIsNeitherALinkOnTheOfferPageNorPassedOnAsHsds() throws Exception {
        for (String text : NOT_WEBSITES) {
            jdbc.sql("UPDATE offer SET url = :url WHERE id = :id").param("url", text).param("id", knitting.id()).update();
            jdbc.sql("UPDATE organization SET website = :url WHERE id = :id").param("url", text)
                    .param("id", knitters.id()).update();

            String page = mvc.perform(get("/tilbud/{id}", knitting.id())).andReturn().getResponse().getContentAsString();
            String hsds = mvc.perform(get("/hsds/services/{id}", knitting.id())).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);

            String scheme = text.substring(0, text.indexOf(':') + 1);
            assertThat(page).as(text).contains("Strikkeklubben").doesNotContain("href=\"" + scheme, "Hjemmeside</a>");
            assertThat(hsds).as(text).contains("Strikkeklubben").doesNotContain(scheme);
        }
        jdbc.sql("UPDATE offer SET url = :url WHERE id = :id").param("url", WEBSITE).param("id", knitting.id()).update();

        assertThat(mvc.perform(get("/tilbud/{id}", knitting.id())).andReturn().getResponse().getContentAsString())
                .contains("href=\"" + WEBSITE + "\"");
    }

    private ResultActions saveOffer(String url) throws Exception {
        return mvc.perform(post("/redaktion/tilbud/{id}/rediger", knitting.id()).with(editor()).with(csrf())
                .param("name", "Strikkeklubben").param("description", "Vi strikker.")
                .param("locationId", library.id().toString()).param("status", "ACTIVE")
                .param("supportLevel", "SELF_RELIANT").param("languages", "da")
                .param("version", String.valueOf(offers.findById(knitting.id()).orElseThrow().version()))
                .param("url", url));
    }

    private ResultActions saveOrganisation(String url) throws Exception {
        long version = jdbc.sql("SELECT version FROM organization WHERE id = :id").param("id", knitters.id())
                .query(Long.class).single();
        return mvc.perform(post("/redaktion/organisationer/{id}/rediger", knitters.id()).with(editor()).with(csrf())
                .param("name", "Strikkeforeningen").param("kind", "ASSOCIATION").param("version", String.valueOf(version))
                .param("website", url));
    }

    private RequestPostProcessor editor() {
        return user(users.find("redaktoer").orElseThrow());
    }

    private @Nullable String website() {
        return jdbc.sql("SELECT website FROM organization WHERE id = :id").param("id", knitters.id())
                .query(String.class).list().getFirst();
    }

    private String upload(String name, String text) throws Exception {
        return mvc.perform(multipart("/redaktion/import")
                        .file(new MockMultipartFile("fil", name, "text/plain", text.getBytes(StandardCharsets.UTF_8)))
                        .with(editor()).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

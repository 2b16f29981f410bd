package dk.brobygger.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.offer.Offer;
import dk.brobygger.directory.offer.Organization;

import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The directory as HSDS 3.0 open data: every answer is valid HSDS, and only public offers are in it. */
@BrobyggerTest
class HsdsApiTests {

    @Autowired MockMvc mvc;
    @Autowired TestDirectory directory;

    Organization library;
    Offer knitting;
    Offer visitingFriend;
    Offer closedReadingGroup;

    @BeforeEach
    void municipality() {
        directory.reset();
        library = directory.organization("Fjordlund Bibliotek");
        var centrum = directory.location(library, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        var redCross = directory.organization("Røde Kors Fjordlund");
        var harbour = directory.location(redCross, "Havnegade 3", "7130", "ØST", 55.7300, 9.6200, false);
        knitting = directory.offer(centrum, "Strikkeklubben").category("kreativ").targetGroup("seniorer")
                .description("Vi strikker og drikker kaffe.").save();
        visitingFriend = directory.offer(harbour, "Besøgsven hos Røde Kors").category("besoeg")
                .targetGroup("ensomme").supportLevel(SupportLevel.ACCOMPANIED).accompaniment().transport().paid()
                .meets(DayOfWeek.THURSDAY, 18, 20).save();
        closedReadingGroup = directory.offer(centrum, "Lukket læsekreds").status(OfferStatus.INACTIVE).save();
    }

    @Test
    void theApiTellsItsHsdsVersion() throws Exception {
        String json = body("/hsds/");
        assertValid(HsdsSchemas.meta(), json);
        mvc.perform(get("/hsds/")).andExpect(jsonPath("$.version").value("3.0"));
    }

    @Test
    void theServiceListIsAValidHsdsPageOfPublicServicesOnly() throws Exception {
        String json = body("/hsds/services");
        assertValid(HsdsSchemas.page("compiled/service_list.json"), json);
        mvc.perform(get("/hsds/services"))
                .andExpect(jsonPath("$.total_items").value(2))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Besøgsven hos Røde Kors", "Strikkeklubben")))
                .andExpect(jsonPath("$.contents[1].organization.name").value("Fjordlund Bibliotek"));
    }

    @Test
    void aFullServiceIsValidHsdsWithEverythingNested() throws Exception {
        String json = body("/hsds/services/" + visitingFriend.id());
        assertValid(HsdsSchemas.schema("service.json"), json);
        mvc.perform(get("/hsds/services/" + visitingFriend.id()))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.organization.name").value("Røde Kors Fjordlund"))
                .andExpect(jsonPath("$.service_at_locations[0].location.addresses[0].address_1").value("Havnegade 3"))
                .andExpect(jsonPath("$.service_at_locations[0].location.addresses[0].postal_code").value("7130"))
                .andExpect(jsonPath("$.schedules[0].freq").value("WEEKLY"))
                .andExpect(jsonPath("$.schedules[0].byday").value("TH"))
                .andExpect(jsonPath("$.schedules[0].opens_at").value("18:00"))
                .andExpect(jsonPath("$.schedules[0].closes_at").value("20:00"))
                .andExpect(jsonPath("$.languages[0].code").value("da"))
                .andExpect(jsonPath("$.fees_description").value("50 kr. pr. gang"))
                .andExpect(jsonPath("$.contacts[0].phones[0].number").value("12 34 56 78"))
                .andExpect(jsonPath("$.attributes[*].taxonomy_term.code").value(hasItem("besoeg")))
                .andExpect(jsonPath("$.attributes[*].taxonomy_term.code").value(hasItem("ensomme")))
                .andExpect(jsonPath("$.attributes[?(@.taxonomy_term.code == 'stoette:ACCOMPANIED')].value").value(contains("ACCOMPANIED")))
                .andExpect(jsonPath("$.attributes[?(@.taxonomy_term.code == 'foelgeskab')].value").value(contains("true")))
                .andExpect(jsonPath("$.attributes[?(@.taxonomy_term.code == 'koersel')]").isNotEmpty());
    }

    @Test
    void wheelchairAccessIsTheLocationsAccessibility() throws Exception {
        mvc.perform(get("/hsds/services/" + knitting.id()))
                .andExpect(jsonPath("$.service_at_locations[0].location.accessibility[0].description").value("Kørestolsadgang"))
                .andExpect(jsonPath("$.cost_options[0].amount").value(0));
    }

    @Test
    void anInactiveServiceIsNotPublic() throws Exception {
        mvc.perform(get("/hsds/services/" + closedReadingGroup.id()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownIdIsAProblemDetailNotFound() throws Exception {
        mvc.perform(get("/hsds/services/5b0c4a0e-1d1f-4a57-9e1a-000000000000"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/hsds/organizations/ikke-et-id")).andExpect(status().isNotFound());
    }

    @Test
    void aBadPageIsExplainedInDanish() throws Exception {
        mvc.perform(get("/hsds/services").param("page", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Forespørgslen kunne ikke forstås"))
                .andExpect(jsonPath("$.parameter").value("page"));
        mvc.perform(get("/hsds/services").param("per_page", "mange")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("per_page"));
        mvc.perform(get("/hsds/services").param("modified_after", "i går")).andExpect(status().isBadRequest());
    }

    @Test
    void pagesTellWhereTheyAre() throws Exception {
        String json = body("/hsds/services?per_page=1&page=2");
        assertValid(HsdsSchemas.page("compiled/service_list.json"), json);
        mvc.perform(get("/hsds/services").param("per_page", "1").param("page", "2"))
                .andExpect(jsonPath("$.total_items").value(2))
                .andExpect(jsonPath("$.total_pages").value(2))
                .andExpect(jsonPath("$.page_number").value(2))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.first_page").value(false))
                .andExpect(jsonPath("$.last_page").value(true))
                .andExpect(jsonPath("$.empty").value(false))
                .andExpect(jsonPath("$.contents[0].name").value("Strikkeklubben"));
        mvc.perform(get("/hsds/services").param("page", "9")).andExpect(jsonPath("$.empty").value(true));
    }

    @Test
    void servicesCanBeFilteredByTermOrganisationTextAndChangeTime() throws Exception {
        mvc.perform(get("/hsds/services").param("taxonomy_term_id", directory.termId("kategori", "kreativ").toString()))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Strikkeklubben")));
        mvc.perform(get("/hsds/services").param("organization_id", library.id().toString()))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Strikkeklubben")));
        mvc.perform(get("/hsds/services").param("search", "RØDE"))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Besøgsven hos Røde Kors")));
        mvc.perform(get("/hsds/services").param("search", "100%"))
                .andExpect(jsonPath("$.total_items").value(0));
        mvc.perform(get("/hsds/services").param("modified_after", "2999-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.total_items").value(0));
        mvc.perform(get("/hsds/services").param("modified_after", "2000-01-01"))
                .andExpect(jsonPath("$.total_items").value(2));
    }

    @Test
    void organisationsAreValidHsds() throws Exception {
        assertValid(HsdsSchemas.page("compiled/organization_list.json"), body("/hsds/organizations"));
        String json = body("/hsds/organizations/" + library.id());
        assertValid(HsdsSchemas.schema("organization.json"), json);
        mvc.perform(get("/hsds/organizations/" + library.id()))
                .andExpect(jsonPath("$.locations[0].addresses[0].address_1").value("Vestergade 10"))
                .andExpect(jsonPath("$.services[*].name").value(contains("Strikkeklubben")));
        mvc.perform(get("/hsds/organizations").param("search", "røde"))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Røde Kors Fjordlund")));
    }

    @Test
    void taxonomiesAndTermsAreValidHsds() throws Exception {
        assertValid(HsdsSchemas.page("taxonomy.json"), body("/hsds/taxonomies"));
        assertValid(HsdsSchemas.page("taxonomy_term.json"), body("/hsds/taxonomy_terms?per_page=100"));
        String categories = HsdsVocabulary.taxonomyId("kategori").toString();
        mvc.perform(get("/hsds/taxonomy_terms").param("taxonomy_id", categories).param("search", "motion"))
                .andExpect(jsonPath("$.contents[*].code").value(contains("motion")));
        mvc.perform(get("/hsds/taxonomy_terms/" + directory.termId("kategori", "kreativ")))
                .andExpect(jsonPath("$.name").value("Kreativt"));
    }

    @Test
    void theValidatorRejectsADocumentThatBreaksTheSchema() throws Exception {
        String valid = body("/hsds/services/" + knitting.id());
        String broken = valid.replace("\"status\":\"active\"", "\"status\":\"åben\"")
                .replace("\"id\":\"" + knitting.id() + "\"", "\"id\":42");
        assertThat(broken).isNotEqualTo(valid);
        assertThat(HsdsSchemas.validate(HsdsSchemas.schema("service.json"), broken))
                .extracting(message -> message.getInstanceLocation().toString())
                .contains("/status", "/id");
        assertThat(HsdsSchemas.validate(HsdsSchemas.page("compiled/service_list.json"), "{\"contents\":[{}]}"))
                .isNotEmpty();
    }

    private String body(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void assertValid(JsonSchema schema, String json) {
        assertThat(HsdsSchemas.validate(schema, json)).as(json).isEmpty();
    }
}

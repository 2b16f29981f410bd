package dk.brobygger.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.offer.Offer;
import dk.brobygger.directory.offer.Organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every endpoint of HSDS 3.0's openapi with every parameter it defines: each answer is valid against
 * the HSDS schema of what it holds and against the response schema the openapi declares for it
 * (the openapi this server serves at {@code openapi_url}); each parameter given a value it cannot
 * take, and each parameter the endpoint does not define, is a 400 problem detail that names it.
 */
@BrobyggerTest
class HsdsConformanceTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;

    Organization library;
    Offer knitting;
    Offer visitingFriend;
    Offer walk;

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
                .description("En frivillig besøgsven kommer hjem til dig.").save();
        walk = directory.offer(harbour, "Gåture langs fjorden").category("motion")
                .description("Vi går en tur sammen hver lørdag.").save();
        jdbc.sql("UPDATE offer SET places_left = 3, waitlist = TRUE, updated_at = :changed WHERE id = :id")
                .param("changed", java.sql.Timestamp.from(java.time.Instant.parse("2026-03-01T09:00:00Z")))
                .param("id", walk.id()).update();
    }

    /** One request and what its answer must be valid against. */
    record Answer(String url, String openapiPath, List<String> schemas) {
    }

    @Test
    void everyEndpointAndParameterAnswersValidHsdsAndWhatTheOpenapiDeclares() throws Exception {
        String kreativ = directory.termId("kategori", "kreativ").toString();
        String waitlist = HsdsVocabulary.ownTerm(HsdsVocabulary.WAITLIST).id().toString();
        String categories = HsdsVocabulary.taxonomyId("kategori").toString();
        String org = library.id().toString();
        String sal = HsdsVocabulary.serviceAtLocationId(visitingFriend.id()).toString();
        String serviceList = "compiled/service_list.json";
        String salList = "compiled/service_at_location_list.json";
        List<Answer> answers = new ArrayList<>();
        for (String query : List.of("", "search=besøgsvenner", "search=strik&per_page=1&page=1", "page=2&per_page=1",
                "format=json", "taxonomy_term_id=" + kreativ, "taxonomy_term_id=" + waitlist,
                "taxonomy_id=" + categories, "organization_id=" + org, "modified_after=2026-01-01",
                "modified_after=2026-01-01T00:00:00Z", "minimal=false", "full=false",
                "postcode=7100&proximity=2000", "search=strik&organization_id=" + org, "lang=en")) {
            answers.add(new Answer("/hsds/services?" + query, "/services", List.of(serviceList)));
        }
        answers.add(new Answer("/hsds/services?full=true", "/services", List.of(serviceList, "service.json")));
        answers.add(new Answer("/hsds/services?full=true&search=besøgsvenner", "/services",
                List.of(serviceList, "compiled/service.json")));
        answers.add(new Answer("/hsds/services/" + visitingFriend.id(), "/services/{id}",
                List.of("service.json")));
        for (String query : List.of("", "search=besøgsvenner", "taxonomy_term_id=" + kreativ, "taxonomy_id=" + categories,
                "organization_id=" + org, "modified_after=2026-01-01", "full=false", "page=2&per_page=1",
                "format=json", "postcode=7130&proximity=1000")) {
            answers.add(new Answer("/hsds/service_at_locations?" + query, "/service_at_locations", List.of(salList)));
        }
        answers.add(new Answer("/hsds/service_at_locations?full=true", "/service_at_locations",
                List.of(salList, "compiled/service_at_location.json")));
        answers.add(new Answer("/hsds/service_at_locations/" + sal, "/service_at_locations/{id}",
                List.of("service_at_location.json", "compiled/service_at_location.json")));
        for (String query : List.of("", "search=røde", "page=1&per_page=1", "format=json", "full=false")) {
            answers.add(new Answer("/hsds/organizations?" + query, "/organizations",
                    List.of("compiled/organization_list.json")));
        }
        answers.add(new Answer("/hsds/organizations?full=true", "/organizations",
                List.of("compiled/organization_list.json", "compiled/organization.json")));
        answers.add(new Answer("/hsds/organizations?full_service=true", "/organizations",
                List.of("compiled/organization_list.json", "compiled/organization.json")));
        answers.add(new Answer("/hsds/organizations/" + org, "/organizations/{id}", List.of("compiled/organization.json")));
        answers.add(new Answer("/hsds/organizations/" + org + "?full_service=true", "/organizations/{id}",
                List.of("compiled/organization.json")));
        for (String query : List.of("", "search=mål", "page=1&per_page=2", "format=json")) {
            answers.add(new Answer("/hsds/taxonomies?" + query, "/taxonomies", List.of("taxonomy.json")));
        }
        answers.add(new Answer("/hsds/taxonomies/" + categories, "/taxonomies/{id}", List.of("taxonomy.json")));
        for (String query : List.of("", "search=motion", "taxonomy_id=" + categories, "top_only=true", "top_only=false",
                "parent_id=" + kreativ, "parent_id=" + ownTerm(HsdsVocabulary.SUPPORT_LEVEL), "page=2&per_page=5",
                "format=json")) {
            answers.add(new Answer("/hsds/taxonomy_terms?" + query, "/taxonomy_terms", List.of("taxonomy_term.json")));
        }
        answers.add(new Answer("/hsds/taxonomy_terms/" + kreativ, "/taxonomy_terms/{id}", List.of("taxonomy_term.json")));
        answers.add(new Answer("/hsds/taxonomy_terms/" + waitlist, "/taxonomy_terms/{id}", List.of("taxonomy_term.json")));

        JsonNode served = JSON.readTree(body("/hsds/openapi.json"));
        for (Answer answer : answers) {
            String json = body(answer.url());
            JsonNode tree = JSON.readTree(json);
            assertValid(HsdsSchemas.response(served, answer.openapiPath()), json, answer.url() + " (openapi)");
            JsonNode items = tree.has("contents") ? tree.get("contents") : JSON.createArrayNode().add(tree);
            for (String schema : answer.schemas()) {
                JsonSchema itemSchema = HsdsSchemas.schema(schema);
                for (JsonNode item : items) {
                    assertValid(itemSchema, item.toString(), answer.url() + " (" + schema + ")");
                }
            }
        }
        assertValid(HsdsSchemas.meta(), body("/hsds/"), "/hsds/");
        assertValid(HsdsSchemas.response(served, "/"), body("/hsds/"), "/hsds/ (openapi)");
    }

    @Test
    void theServedOpenapiIsTheReferenceWithThisServerAndTheServiceAtLocationAnswerCorrected() throws Exception {
        JsonNode reference = JSON.readTree(HsdsSchemas.referenceOpenapi());
        assertThat(HsdsSchemas.openapi()).as("the application's copy is the reference's").isEqualTo(reference);
        JsonNode served = JSON.readTree(body("/hsds/openapi.json"));
        assertThat(served.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(served.at("/servers/0/url").asText()).isEqualTo("http://localhost/hsds");
        assertThat(served.at("/info/title").asText()).contains("HSDS 3.0").doesNotContain("REQUIRED");
        assertThat(served.at("/info/license/name").asText()).doesNotContain("REQUIRED");
        assertThat(fieldNames(served.get("paths"))).isEqualTo(fieldNames(reference.get("paths")));
        assertThat(HsdsSchemas.validate(HsdsSchemas.response(served, "/service_at_locations/{id}"), "{\"id\":42}"))
                .as("the corrected answer schema is read and checks").isNotEmpty();
        assertThat(HsdsSchemas.validate(HsdsSchemas.response(served, "/services"), "{\"contents\":[]}"))
                .as("a page without its page fields").isNotEmpty();
        for (String path : fieldNames(reference.get("paths"))) {
            JsonNode declared = served.at("/paths/" + path.replace("/", "~1") + "/get/responses/200");
            if (path.equals("/service_at_locations/{id}")) {
                assertThat(declared.at("/content/application~1json/schema/$ref").asText())
                        .endsWith("/compiled/service_at_location.json");
            } else {
                assertThat(declared).as(path).isEqualTo(reference.at("/paths/" + path.replace("/", "~1") + "/get/responses/200"));
            }
        }
    }

    @Test
    void openapiUrlIsTheAddressTheRequestCameToThroughATrustedProxyOnly() throws Exception {
        mvc.perform(get("/hsds/")).andExpect(jsonPath("$.openapi_url").value("http://localhost/hsds/openapi.json"));
        mvc.perform(get("/hsds/").with(request -> {
            request.setRemoteAddr("10.255.0.1");
            request.addHeader("X-Forwarded-For", "203.0.113.7");
            request.addHeader("X-Forwarded-Proto", "https");
            request.addHeader("X-Forwarded-Host", "tilbud.fjordlund.dk");
            request.addHeader("X-Forwarded-Port", "443");
            return request;
        })).andExpect(jsonPath("$.openapi_url").value("https://tilbud.fjordlund.dk/hsds/openapi.json"));
        mvc.perform(get("/hsds/openapi.json").with(request -> {
            request.setRemoteAddr("10.255.0.1");
            request.addHeader("X-Forwarded-For", "203.0.113.7");
            request.addHeader("X-Forwarded-Proto", "https");
            request.addHeader("X-Forwarded-Host", "tilbud.fjordlund.dk");
            request.addHeader("X-Forwarded-Port", "443");
            return request;
        })).andExpect(jsonPath("$.servers[0].url").value("https://tilbud.fjordlund.dk/hsds"));
        mvc.perform(get("/hsds/").with(request -> {
            request.setRemoteAddr("10.20.0.1");
            request.addHeader("X-Forwarded-For", "203.0.113.7");
            request.addHeader("X-Forwarded-Proto", "https");
            request.addHeader("X-Forwarded-Host", "forfalsket.example");
            return request;
        })).andExpect(jsonPath("$.openapi_url").value("http://localhost/hsds/openapi.json"));
    }

    @Test
    void everyParameterGivenAValueItCannotTakeIsRefusedByName() throws Exception {
        String[][] refusals = {
            {"/hsds/services?page=0", "page"}, {"/hsds/services?per_page=mange", "per_page"},
            {"/hsds/services?format=ndjson&page=1", "page"}, {"/hsds/services?format=ndjson&per_page=5", "per_page"},
            {"/hsds/services?format=xml", "format"},
            {"/hsds/services?taxonomy_term_id=kreativ", "taxonomy_term_id"},
            {"/hsds/services?taxonomy_id=kategori", "taxonomy_id"},
            {"/hsds/services?organization_id=biblioteket", "organization_id"},
            {"/hsds/services?modified_after=i%20går", "modified_after"},
            {"/hsds/services?minimal=ja", "minimal"}, {"/hsds/services?full=ja", "full"},
            {"/hsds/services?minimal=true&full=true", "minimal"},
            {"/hsds/services?postcode=Fjordlund&proximity=1000", "postcode"},
            {"/hsds/services?postcode=7100", "postcode"}, {"/hsds/services?proximity=1000", "proximity"},
            {"/hsds/services?postcode=7100&proximity=-5", "proximity"},
            {"/hsds/services?postcode=9999&proximity=1000", "postcode"},
            {"/hsds/services?search=strik&postcode=9999&proximity=1000&organization_id=" + library.id(), "postcode"},
            {"/hsds/services?taxonomy_term=kreativ", "taxonomy_term"},
            {"/hsds/services/" + knitting.id() + "?full=true", "full"},
            {"/hsds/service_at_locations?page=x", "page"}, {"/hsds/service_at_locations?format=csv", "format"},
            {"/hsds/service_at_locations?full=ja", "full"}, {"/hsds/service_at_locations?minimal=true", "minimal"},
            {"/hsds/service_at_locations?postcode=7100", "postcode"},
            {"/hsds/service_at_locations/" + UUID.randomUUID() + "?full=true", "full"},
            {"/hsds/organizations?full_service=ja", "full_service"}, {"/hsds/organizations?full=ja", "full"},
            {"/hsds/organizations?format=ndjson&page=2", "page"}, {"/hsds/organizations?organization_id=x", "organization_id"},
            {"/hsds/organizations/" + library.id() + "?full_service=nej", "full_service"},
            {"/hsds/organizations/" + library.id() + "?full=true", "full"},
            {"/hsds/taxonomies?format=yaml", "format"}, {"/hsds/taxonomies?taxonomy_id=x", "taxonomy_id"},
            {"/hsds/taxonomy_terms?top_only=ja", "top_only"}, {"/hsds/taxonomy_terms?parent_id=kreativ", "parent_id"},
            {"/hsds/taxonomy_terms?taxonomy_id=kategori", "taxonomy_id"}, {"/hsds/taxonomy_terms?format=csv", "format"},
            {"/hsds/?version=3.1", "version"},
        };
        for (String[] refusal : refusals) {
            mvc.perform(get(refusal[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Forespørgslen kunne ikke forstås"))
                    .andExpect(jsonPath("$.parameter").value(refusal[1]));
        }
    }

    @Test
    void brobyggersOwnTermsAndTaxonomiesFilterTheServicesThatCarryThem() throws Exception {
        mvc.perform(get("/hsds/services").param("taxonomy_term_id", ownTerm(HsdsVocabulary.WAITLIST)))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Gåture langs fjorden")));
        mvc.perform(get("/hsds/services").param("taxonomy_term_id", ownTerm(HsdsVocabulary.PLACES_LEFT)))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Gåture langs fjorden")));
        mvc.perform(get("/hsds/services").param("taxonomy_term_id", ownTerm(HsdsVocabulary.ACCOMPANIMENT)))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Besøgsven hos Røde Kors")));
        mvc.perform(get("/hsds/services").param("taxonomy_term_id", ownTerm(HsdsVocabulary.TRANSPORT)))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Besøgsven hos Røde Kors")));
        mvc.perform(get("/hsds/services").param("taxonomy_term_id", ownTerm(HsdsVocabulary.SUPPORT_LEVEL)))
                .andExpect(jsonPath("$.total_items").value(3));
        mvc.perform(get("/hsds/services").param("taxonomy_term_id",
                        HsdsVocabulary.supportLevelTerm(SupportLevel.ACCOMPANIED).id().toString()))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Besøgsven hos Røde Kors")));
        mvc.perform(get("/hsds/services").param("taxonomy_term_id",
                        HsdsVocabulary.supportLevelTerm(SupportLevel.SELF_RELIANT).id().toString()))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Gåture langs fjorden", "Strikkeklubben")));
        mvc.perform(get("/hsds/services").param("taxonomy_term_id",
                        HsdsVocabulary.supportLevelTerm(SupportLevel.MUNICIPAL_FRAME).id().toString()))
                .andExpect(jsonPath("$.total_items").value(0));
        mvc.perform(get("/hsds/services").param("taxonomy_term_id", directory.termId("maalgruppe", "ensomme").toString()))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Besøgsven hos Røde Kors")));
        mvc.perform(get("/hsds/services").param("taxonomy_term_id", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total_items").value(0));
        // Every term a service carries as an attribute finds that service again.
        JsonNode full = JSON.readTree(body("/hsds/services/" + walk.id()));
        for (JsonNode attribute : full.get("attributes")) {
            mvc.perform(get("/hsds/services").param("taxonomy_term_id", attribute.get("taxonomy_term_id").asText()))
                    .andExpect(jsonPath("$.contents[*].id").value(org.hamcrest.Matchers.hasItem(walk.id().toString())));
        }
        mvc.perform(get("/hsds/services").param("taxonomy_id", HsdsVocabulary.taxonomyId("maalgruppe").toString()))
                .andExpect(jsonPath("$.contents[*].name").value(contains("Besøgsven hos Røde Kors", "Strikkeklubben")));
        mvc.perform(get("/hsds/services").param("taxonomy_id", HsdsVocabulary.taxonomyId("brobygger").toString()))
                .andExpect(jsonPath("$.total_items").value(3));
        mvc.perform(get("/hsds/services").param("taxonomy_id", UUID.randomUUID().toString()))
                .andExpect(jsonPath("$.total_items").value(0));
    }

    @Test
    void minimalListsOnlyIdAndLastChangeAndFullNestsEverything() throws Exception {
        mvc.perform(get("/hsds/services").param("minimal", "true").param("modified_after", "2026-02-01")
                        .param("taxonomy_term_id", ownTerm(HsdsVocabulary.WAITLIST)))
                .andExpect(jsonPath("$.total_items").value(1))
                .andExpect(jsonPath("$.contents[0].id").value(walk.id().toString()))
                .andExpect(jsonPath("$.contents[0].last_modified").value("2026-03-01T09:00:00Z"))
                .andExpect(jsonPath("$.contents[0].name").doesNotExist());
        mvc.perform(get("/hsds/services").param("full", "true").param("organization_id", library.id().toString()))
                .andExpect(jsonPath("$.contents[0].schedules[0].byday").value("TU"))
                .andExpect(jsonPath("$.contents[0].service_at_locations[0].location.addresses[0].address_1")
                        .value("Vestergade 10"));
        mvc.perform(get("/hsds/organizations").param("full", "true").param("search", "bibliotek"))
                .andExpect(jsonPath("$.contents[0].locations[0].addresses[0].address_1").value("Vestergade 10"))
                .andExpect(jsonPath("$.contents[0].services[0].name").value("Strikkeklubben"))
                .andExpect(jsonPath("$.contents[0].services[0].schedules").doesNotExist());
        mvc.perform(get("/hsds/organizations").param("full_service", "true").param("search", "bibliotek"))
                .andExpect(jsonPath("$.contents[0].services[0].schedules[0].byday").value("TU"));
        mvc.perform(get("/hsds/organizations/" + library.id()).param("full_service", "true"))
                .andExpect(jsonPath("$.services[0].schedules[0].byday").value("TU"));
        mvc.perform(get("/hsds/organizations/" + library.id()))
                .andExpect(jsonPath("$.services[0].schedules").doesNotExist());
    }

    @Test
    void aPageOfFullOrganizationsNestsEachOrganizationsOwnPlacesAndServices() throws Exception {
        mvc.perform(get("/hsds/organizations").param("full", "true"))
                .andExpect(jsonPath("$.contents[0].name").value("Fjordlund Bibliotek"))
                .andExpect(jsonPath("$.contents[0].services[*].name", contains("Strikkeklubben")))
                .andExpect(jsonPath("$.contents[0].locations[*].addresses[0].address_1", contains("Vestergade 10")))
                .andExpect(jsonPath("$.contents[1].name").value("Røde Kors Fjordlund"))
                .andExpect(jsonPath("$.contents[1].services[*].name",
                        contains("Besøgsven hos Røde Kors", "Gåture langs fjorden")))
                .andExpect(jsonPath("$.contents[1].locations[*].addresses[0].address_1", contains("Havnegade 3")));
    }

    @Test
    void serviceAtLocationsAreEachServiceAtItsPlace() throws Exception {
        String id = HsdsVocabulary.serviceAtLocationId(visitingFriend.id()).toString();
        mvc.perform(get("/hsds/services/" + visitingFriend.id()))
                .andExpect(jsonPath("$.service_at_locations[0].id").value(id));
        mvc.perform(get("/hsds/service_at_locations/" + id))
                .andExpect(jsonPath("$.service_id").value(visitingFriend.id().toString()))
                .andExpect(jsonPath("$.service.name").value("Besøgsven hos Røde Kors"))
                .andExpect(jsonPath("$.service.attributes").isNotEmpty())
                .andExpect(jsonPath("$.location.addresses[0].address_1").value("Havnegade 3"));
        mvc.perform(get("/hsds/service_at_locations/" + visitingFriend.id())).andExpect(status().isNotFound());
        mvc.perform(get("/hsds/service_at_locations/ikke-et-id")).andExpect(status().isNotFound());
        mvc.perform(get("/hsds/service_at_locations"))
                .andExpect(jsonPath("$.total_items").value(3))
                .andExpect(jsonPath("$.contents[*].service.name")
                        .value(contains("Besøgsven hos Røde Kors", "Gåture langs fjorden", "Strikkeklubben")))
                .andExpect(jsonPath("$.contents[0].location.latitude").value(55.73));
        mvc.perform(get("/hsds/service_at_locations").param("postcode", "7100").param("proximity", "2000"))
                .andExpect(jsonPath("$.contents[*].service.name").value(contains("Strikkeklubben")));
        mvc.perform(get("/hsds/service_at_locations").param("postcode", "7100").param("proximity", "20000"))
                .andExpect(jsonPath("$.contents[*].service.name").value(containsInAnyOrder(
                        "Strikkeklubben", "Besøgsven hos Røde Kors", "Gåture langs fjorden")))
                .andExpect(jsonPath("$.contents[0].service.name").value("Strikkeklubben"));
    }

    @Test
    void theSupportLevelsAreTheOnlyChildTerms() throws Exception {
        JsonNode all = JSON.readTree(body("/hsds/taxonomy_terms?per_page=100"));
        long total = all.get("total_items").asLong();
        mvc.perform(get("/hsds/taxonomy_terms").param("top_only", "true").param("per_page", "100"))
                .andExpect(jsonPath("$.total_items").value(total - 3))
                .andExpect(jsonPath("$.contents[*].parent_id").isEmpty());
        mvc.perform(get("/hsds/taxonomy_terms").param("parent_id", ownTerm(HsdsVocabulary.SUPPORT_LEVEL)))
                .andExpect(jsonPath("$.contents[*].code").value(containsInAnyOrder("stoette:SELF_RELIANT",
                        "stoette:ACCOMPANIED", "stoette:MUNICIPAL_FRAME")))
                .andExpect(jsonPath("$.contents[0].parent_id").value(ownTerm(HsdsVocabulary.SUPPORT_LEVEL)));
        mvc.perform(get("/hsds/taxonomy_terms").param("parent_id", directory.termId("kategori", "kreativ").toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total_items").value(0));
        mvc.perform(get("/hsds/taxonomy_terms").param("parent_id", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total_items").value(0));
    }

    @Test
    void ndjsonStreamsEveryResultUnpagedOneValidDocumentALineInThePagesOrder() throws Exception {
        String[][] lists = {
            {"/hsds/services?format=ndjson", "/hsds/services?per_page=100", "compiled/service_list.json"},
            {"/hsds/services?format=ndjson&search=kaffe", "/hsds/services?per_page=100&search=kaffe", "compiled/service_list.json"},
            {"/hsds/services?format=ndjson&full=true&taxonomy_id=" + HsdsVocabulary.taxonomyId("kategori"),
                "/hsds/services?per_page=100&full=true&taxonomy_id=" + HsdsVocabulary.taxonomyId("kategori"), "service.json"},
            {"/hsds/services?format=NDJSON&minimal=true", "/hsds/services?per_page=100&minimal=true", null},
            {"/hsds/service_at_locations?format=ndjson&postcode=7100&proximity=20000",
                "/hsds/service_at_locations?per_page=100&postcode=7100&proximity=20000", "compiled/service_at_location_list.json"},
            {"/hsds/organizations?format=ndjson&full_service=true", "/hsds/organizations?per_page=100&full_service=true",
                "compiled/organization.json"},
            {"/hsds/taxonomies?format=ndjson", "/hsds/taxonomies?per_page=100", "taxonomy.json"},
            {"/hsds/taxonomy_terms?format=ndjson", "/hsds/taxonomy_terms?per_page=100", "taxonomy_term.json"},
        };
        for (String[] list : lists) {
            var answer = mvc.perform(get(java.net.URI.create(list[0]))).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("application/x-ndjson")).andReturn().getResponse();
            String[] lines = answer.getContentAsString(StandardCharsets.UTF_8).split("\n");
            List<JsonNode> streamed = new ArrayList<>();
            for (String line : lines) {
                streamed.add(JSON.readTree(line));
                if (list[2] != null) {
                    assertValid(HsdsSchemas.schema(list[2]), line, list[0]);
                }
            }
            List<JsonNode> paged = new ArrayList<>();
            JSON.readTree(body(list[1])).get("contents").forEach(paged::add);
            assertThat(streamed).as(list[0]).isNotEmpty().isEqualTo(paged);
        }
    }

    private String ownTerm(String code) {
        return HsdsVocabulary.ownTerm(code).id().toString();
    }

    private String body(String url) throws Exception {
        return mvc.perform(get(java.net.URI.create(url.replace("ø", "%C3%B8").replace("å", "%C3%A5"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static void assertValid(JsonSchema schema, String json, String what) {
        assertThat(HsdsSchemas.validate(schema, json)).as(what + ": " + json).isEmpty();
    }
}

package dk.brobygger.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.TestDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The HSDS API's {@code search} is the portal's search: for the words citizens type, a machine client
 * gets the same offers in the same order as {@code /tilbud/soeg}, page for page.
 */
@BrobyggerTest
class HsdsSearchAgreementTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired TestDirectory directory;

    @BeforeEach
    void municipality() {
        directory.reset();
        var library = directory.organization("Fjordlund Bibliotek");
        var centrum = directory.location(library, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        var redCross = directory.organization("Røde Kors Fjordlund");
        var harbour = directory.location(redCross, "Havnegade 3", "7130", "ØST", 55.7300, 9.6200, false);
        var church = directory.organization("Strandby Sogn");
        var parish = directory.location(church, "Kirkevej 2", "7120", "VEST", 55.7000, 9.4700, true);

        directory.offer(centrum, "Strikkeklubben").category("kreativ").targetGroup("seniorer")
                .description("Vi strikker, drikker kaffe og hygger os. Strikning for begyndere og øvede.").save();
        directory.offer(harbour, "Besøgsven hos Røde Kors").category("besoeg").targetGroup("ensomme")
                .accompaniment().meets(DayOfWeek.THURSDAY, 18, 20)
                .description("En frivillig besøgsven kommer hjem til dig.").save();
        directory.offer(parish, "Besøgsvenner i sognet").category("besoeg").targetGroup("seniorer")
                .description("Sognets besøgsvenner kommer på besøg, drikker en kop kaffe og går en tur med dig.").save();
        directory.offer(harbour, "Gåture langs fjorden").category("motion").targetGroup("seniorer").paid()
                .meets(DayOfWeek.SATURDAY, 14, 16).description("Vi går en gåtur sammen hver lørdag.").save();
        directory.offer(parish, "Gåtur og kaffe").category("motion")
                .description("En kort gåtur fra kirken, bagefter kaffe i sognegården.").save();
        directory.offer(centrum, "Strik og snak").category("kreativ")
                .description("Kom og strik sammen med andre på biblioteket. Der er kaffe på kanden.").save();
        directory.offer(centrum, "Lukket besøgsven-ordning").status(OfferStatus.INACTIVE).category("besoeg").save();
    }

    @Test
    void hsdsFindsWhatThePortalFindsInThePortalsOrder() throws Exception {
        for (String word : List.of("besøgsvenner", "besøgsven", "strikning", "strik", "gåtur", "gaatur", "besøgsvn",
                "strk", "kaffe", "røde kors", "fjorden lørdag")) {
            List<String> portal = portal(word, 1);
            List<String> hsds = names(hsds(word).param("per_page", "100"));
            assertThat(hsds).as("search=" + word).isEqualTo(portal);
        }
    }

    @Test
    void theWordsFromTheIssueFindTheirOffers() throws Exception {
        assertThat(names(hsds("besøgsvenner"))).contains("Besøgsven hos Røde Kors", "Besøgsvenner i sognet")
                .doesNotContain("Lukket besøgsven-ordning");
        assertThat(names(hsds("gåtur"))).contains("Gåtur og kaffe", "Gåture langs fjorden");
        assertThat(names(hsds("besøgsvn"))).as("a typo").contains("Besøgsven hos Røde Kors");
        assertThat(names(hsds("strik"))).contains("Strikkeklubben", "Strik og snak");
    }

    @Test
    void pagesOfTheHsdsSearchAreSlicesOfThePortalsOrder() throws Exception {
        List<String> portal = portal("kaffe", 1);
        assertThat(portal).hasSizeGreaterThanOrEqualTo(3);
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= portal.size(); page++) {
            JsonNode answer = JSON.readTree(body(hsds("kaffe").param("per_page", "1").param("page", "" + page)));
            assertThat(answer.get("total_items").asInt()).isEqualTo(portal.size());
            assertThat(answer.get("page_number").asInt()).isEqualTo(page);
            answer.get("contents").forEach(service -> paged.add(service.get("name").asText()));
        }
        assertThat(paged).isEqualTo(portal);
    }

    @Test
    void aSearchCombinedWithAFilterKeepsThePortalsOrderOfWhatIsLeft() throws Exception {
        String seniors = directory.termId("maalgruppe", "seniorer").toString();
        List<String> portal = portal("kaffe", 1);
        List<String> filtered = names(hsds("kaffe").param("taxonomy_term_id", seniors));
        assertThat(filtered).isNotEmpty().isSubsetOf(portal).doesNotContain("Gåtur og kaffe");
        assertThat(filtered).isEqualTo(portal.stream().filter(filtered::contains).toList());
        assertThat(names(hsds("kaffe").param("taxonomy_term_id", seniors).param("per_page", "1").param("page", "2")))
                .containsExactly(filtered.get(1));
    }

    private MockHttpServletRequestBuilder hsds(String word) {
        return get("/hsds/services").param("search", word);
    }

    /** The names the portal's JSON search lists, in its order, all pages. */
    private List<String> portal(String word, int page) throws Exception {
        JsonNode answer = JSON.readTree(body(get("/tilbud/soeg").param("q", word).param("side", "" + page)));
        List<String> names = new ArrayList<>();
        answer.get("hits").forEach(hit -> names.add(hit.get("name").asText()));
        if (page < answer.get("pages").asInt()) {
            names.addAll(portal(word, page + 1));
        }
        return names;
    }

    private List<String> names(MockHttpServletRequestBuilder request) throws Exception {
        List<String> names = new ArrayList<>();
        JSON.readTree(body(request)).get("contents").forEach(service -> names.add(service.get("name").asText()));
        return names;
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}

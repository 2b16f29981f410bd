package dk.brobygger.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Users;
import dk.brobygger.directory.OfferHit;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.offer.Offer;
import dk.brobygger.directory.offer.OfferHistory;
import dk.brobygger.directory.offer.Offers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Municipal editors import many offers at once; a file is imported whole or not at all. */
@BrobyggerTest
class OfferImportTests {

    static final String HEADER = "navn;beskrivelse;organisation;adresse;postnummer;by;bydel;breddegrad;laengdegrad;"
            + "koerestol;kategorier;maalgrupper;tidspunkter;stoette;foelgeskab;koersel;pris;ledige_pladser;venteliste\n";

    @Autowired MockMvc mvc;
    @Autowired TestDirectory directory;
    @Autowired Users users;
    @Autowired OfferSearch search;
    @Autowired Offers offers;
    @Autowired OfferHistory history;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    @BeforeEach
    void municipality() {
        directory.reset();
        var library = directory.organization("Fjordlund Bibliotek");
        directory.location(library, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
    }

    @Test
    void aGoodCsvFromDanishExcelImportsEveryOfferAndTheyCanBeFound() throws Exception {
        String csv = "\uFEFF" + HEADER
                + "Strikkeklubben;Vi strikker og drikker kaffe.;fjordlund bibliotek;Vestergade 10;7100;Fjordlund;VEST;;;"
                + "ja;Kreativt;seniorer;tirsdag 10:00-12:00;1;nej;nej;;;nej\n"
                + "Besøgsven;En frivillig kommer hjem til dig.;Røde Kors Fjordlund;Havnegade 3;7130;Strandby;ØST;55,73;9,62;"
                + "nej;besoeg;ensomme|seniorer;torsdag 18-20;2;ja;Vi kan hente dig;50 kr.;3;ja\n";

        upload("tilbud.csv", csv, editor()).andExpect(status().isOk())
                .andExpect(content().string(containsString("2 tilbud importeret")));

        assertThat(names(search.search(OfferQuery.text("strikkeklubben")))).containsExactly("Strikkeklubben");
        assertThat(names(search.search(OfferQuery.text("besøgsven")))).containsExactly("Besøgsven");
        Offer visitingFriend = offerNamed("Besøgsven");
        assertThat(visitingFriend.supportLevel()).isEqualTo(SupportLevel.ACCOMPANIED);
        assertThat(visitingFriend.accompaniment()).isTrue();
        assertThat(visitingFriend.transportNote()).isEqualTo("Vi kan hente dig");
        assertThat(visitingFriend.freeOfCharge()).isFalse();
        assertThat(visitingFriend.placesLeft()).isEqualTo(3);
        assertThat(visitingFriend.waitlist()).isTrue();
        assertThat(visitingFriend.schedules()).singleElement()
                .satisfies(schedule -> assertThat(schedule.weekday()).isEqualTo(DayOfWeek.THURSDAY));
        assertThat(visitingFriend.termIds()).hasSize(3);
        assertThat(history.of(visitingFriend.id())).extracting(OfferHistory.Entry::kind).containsExactly("IMPORTED");
        assertThat(count("SELECT COUNT(*) FROM organization WHERE name = 'Fjordlund Bibliotek'"))
                .as("the existing library is matched by name, not created again").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM location WHERE address = 'Vestergade 10'")).isEqualTo(1);
    }

    @Test
    void theSampleFileOnTheImportPageImports() throws Exception {
        String sample = new String(getClass().getResourceAsStream("/static/import/eksempel.csv").readAllBytes(),
                StandardCharsets.UTF_8);

        upload("eksempel.csv", sample, editor()).andExpect(content().string(containsString("2 tilbud importeret")));

        assertThat(offerNamed("Besøgsven").languageList()).containsExactly("da", "en");
        assertThat(offerNamed("Besøgsven").minAge()).isEqualTo(65);
    }

    @Test
    void aCommaSeparatedFileImportsToo() throws Exception {
        String csv = "navn,beskrivelse,organisation,adresse,postnummer,by,bydel,kategorier\n"
                + "Gåtur,\"Vi går, og vi snakker.\",Ældre Sagen,Torvet 1,7100,Fjordlund,VEST,\"motion, natur\"\n";

        upload("tilbud.csv", csv, editor()).andExpect(content().string(containsString("1 tilbud importeret")));

        assertThat(offerNamed("Gåtur").description()).isEqualTo("Vi går, og vi snakker.");
        assertThat(offerNamed("Gåtur").termIds()).hasSize(2);
    }

    @Test
    void importWithABadRowImportsNothingAndReportsThatRow() throws Exception {
        String csv = HEADER
                + "Strikkeklubben;Vi strikker.;Nyt Strikkeværksted;Torvet 2;7100;Fjordlund;VEST;;;"
                + "nej;kreativ;;tirsdag 10-12;1;nej;nej;;;nej\n"
                + "Strikkecafé;Vi strikker mere.;Nyt Strikkeværksted;Torvet 2;7100;Fjordlund;VEST;;;"
                + "nej;strikning;;onsdag 10-12;1;nej;nej;;;nej\n";

        upload("tilbud.csv", csv, editor()).andExpect(status().isOk())
                .andExpect(content().string(containsString("Intet er importeret")))
                .andExpect(content().string(containsString("Række 3: Ukendt kategori &#39;strikning&#39;")))
                .andExpect(content().string(not(containsString("Række 2:"))));

        assertThat(offers.count()).isZero();
        assertThat(count("SELECT COUNT(*) FROM organization WHERE name = 'Nyt Strikkeværksted'")).isZero();
        assertThat(search.search(OfferQuery.text("strikkeklubben")).total()).isZero();
    }

    @Test
    void everyProblemInARowIsReported() throws Exception {
        String csv = HEADER + "Uden beskrivelse;;Forening;Torvet 1;71;Fjordlund;NORD;;;maaske;;;;5;;;;;\n";

        upload("tilbud.csv", csv, editor())
                .andExpect(content().string(containsString("Række 2: Feltet skal udfyldes")))
                .andExpect(content().string(containsString("Ukendt bydel &#39;NORD&#39;")))
                .andExpect(content().string(containsString("&#39;71&#39; er ikke et postnummer med fire cifre")))
                .andExpect(content().string(containsString("&#39;maaske&#39; skal være ja eller nej")))
                .andExpect(content().string(containsString("Ukendt støtteniveau &#39;5&#39;")));
        assertThat(offers.count()).isZero();
    }

    @Test
    void hsdsJsonExportedFromTheApiImportsAsTheSameOffers() throws Exception {
        var redCross = directory.organization("Røde Kors Fjordlund");
        var harbour = directory.location(redCross, "Havnegade 3", "7130", "ØST", 55.7300, 9.6200, false);
        var centrum = directory.location(directory.organization("Aftenskolen"), "Skolevej 1", "7100", "VEST",
                55.71, 9.53, true);
        directory.offer(harbour, "Besøgsven hos Røde Kors").category("besoeg").targetGroup("ensomme")
                .supportLevel(SupportLevel.ACCOMPANIED).accompaniment().transport().paid()
                .meets(DayOfWeek.THURSDAY, 18, 20).save();
        directory.offer(centrum, "Aftenkor").category("kultur").status(OfferStatus.TEMPORARILY_CLOSED).save();
        String before = export();

        directory.reset();
        upload("tilbud.json", before, editor()).andExpect(content().string(containsString("2 tilbud importeret")));

        assertThat(comparable(export())).isEqualTo(comparable(before));
        assertThat(comparable(before).toString()).contains("Besøgsven hos Røde Kors", "koersel", "ACCOMPANIED",
                "temporarily closed", "Kørestolsadgang");
    }

    @Test
    void anEmptyOrUnreadableFileIsExplained() throws Exception {
        upload("tom.csv", "", editor()).andExpect(content().string(containsString("Filen er tom")));
        upload("tilbud.json", "[{\"name\": ", editor())
                .andExpect(content().string(containsString("Filen kan ikke læses")));
        assertThat(offers.count()).isZero();
    }

    @Test
    void theImportPageListsTheCsvColumns() throws Exception {
        mvc.perform(get("/redaktion/import").with(user(editor()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("laengdegrad")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/redaktion/import").with(user(users.find("admin").orElseThrow()))).andExpect(status().isOk());
    }

    @Test
    void associationEditorsAndAnonymousUsersMayNotImport() throws Exception {
        String csv = HEADER + "Strikkeklubben;Vi strikker.;Forening;Torvet 1;7100;Fjordlund;VEST;;;;;;;;;;;;\n";
        mvc.perform(get("/redaktion/import").with(user(users.find("forening").orElseThrow())))
                .andExpect(status().isForbidden());
        upload("tilbud.csv", csv, users.find("forening").orElseThrow()).andExpect(status().isForbidden());
        mvc.perform(multipart("/redaktion/import")
                .file(new MockMultipartFile("fil", "tilbud.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf())).andExpect(status().isUnauthorized());
        assertThat(offers.count()).isZero();
    }

    private ResultActions upload(String name, String text, BrobyggerUser as) throws Exception {
        return mvc.perform(multipart("/redaktion/import")
                .file(new MockMultipartFile("fil", name, "text/plain", text.getBytes(StandardCharsets.UTF_8)))
                .with(user(as)).with(csrf()));
    }

    private BrobyggerUser editor() {
        return users.find("redaktoer").orElseThrow();
    }

    /** Every public offer, fully nested, as the HSDS API gives it. */
    private String export() throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/hsds/services").param("per_page", "100")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        ArrayNode services = json.createArrayNode();
        for (JsonNode item : page.get("contents")) {
            services.add(json.readTree(mvc.perform(get("/hsds/services/" + item.get("id").asString())).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8)));
        }
        return json.writeValueAsString(services);
    }

    /** The export without what is new on every import: identifiers and times. */
    private JsonNode comparable(String export) {
        List<JsonNode> services = new ArrayList<>();
        json.readTree(export).forEach(service -> services.add(withoutIdentity(service.deepCopy())));
        services.sort(Comparator.comparing(service -> service.get("name").asString()));
        return json.valueToTree(services);
    }

    private static JsonNode withoutIdentity(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            for (String name : names) {
                boolean identity = name.equals("id") || name.endsWith("_id") || name.equals("last_modified")
                        || name.equals("assured_date");
                if (identity && !name.equals("taxonomy_term_id") && !name.equals("taxonomy_id")) {
                    object.remove(name);
                } else {
                    withoutIdentity(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(OfferImportTests::withoutIdentity);
        }
        return node;
    }

    private Offer offerNamed(String name) {
        return offers.findAll().stream().filter(offer -> offer.name().equals(name)).findFirst().orElseThrow();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static List<String> names(dk.brobygger.directory.SearchResult result) {
        return result.hits().stream().map(OfferHit::name).toList();
    }
}

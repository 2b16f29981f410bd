package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Tidslinje: the staff see one timeline of everything the municipality has registered about a citizen, from
 * every module, newest first, filtered by kind and paged without losing anything; the same tab bar on every
 * citizen page.
 */
@BrobyggerTest
class CitizenTimelineTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor UNRELATED = httpBasic("faellesteam", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;

    UUID karen;

    @BeforeEach
    void karenIsKnownToTheNurse() {
        citizens.reset();
        jdbc.sql("DELETE FROM hospital_message WHERE received_by = 'tidslinje-test'").update();
        karen = citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog");
    }

    @Test
    void entriesFromEveryModuleStandNewestFirst() throws Exception {
        visit(LocalDateTime.of(2026, 3, 1, 10, 0), "HELD", true);
        lifeEvent(LocalDate.of(2026, 2, 15), "LOST_SPOUSE", "datteren");
        score(LocalDate.of(2026, 2, 1));
        hospitalEvent(Instant.parse("2026-01-10T08:00:00Z"), "STIN");

        String page = timeline("");

        assertThat(page).containsSubsequence(
                "Hanne", "begyndte at arbejde med borgeren",
                "Forebyggende hjemmebesøg holdt – Fællesskab",
                "Livsbegivenhed: Mistet ægtefælle/samlever (oplyst af datteren)",
                "UCLA", "score 8",
                "Sygehusadvis: Indlagt");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'hjemmebesog'
                   AND outcome = 'GRANTED' AND purpose = 'Så borgerens tidslinje'
                """).param("citizen", karen).query(Long.class).single()).isOne();
    }

    @Test
    void pagingByInstantLosesNothingWhenManyThingsHappenedAtOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            visit(LocalDateTime.of(2026, 3, 1, 10, 0), "PLANNED", false);
        }
        for (int i = 0; i < 10; i++) {
            visit(LocalDateTime.of(2026, 2, 1, 9, 0), "CANCELLED", false);
        }

        String first = timeline("?slags=homevisit.visit");
        assertThat(count(first, "Forebyggende hjemmebesøg planlagt")).isEqualTo(30);
        assertThat(count(first, "Forebyggende hjemmebesøg aflyst")).isZero();
        Matcher older = Pattern.compile("href=\"([^\"]*foer=[^\"]*)\"").matcher(first);
        assertThat(older.find()).as("a link to older entries").isTrue();

        String second = mvc.perform(get(older.group(1).replace("&amp;", "&")).with(NURSE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(count(second, "Forebyggende hjemmebesøg planlagt")).isZero();
        assertThat(count(second, "Forebyggende hjemmebesøg aflyst")).isEqualTo(10);
        assertThat(second).doesNotContain("Vis ældre").contains("Til de nyeste");
    }

    @Test
    void theTimelineIsFilteredByKind() throws Exception {
        visit(LocalDateTime.of(2026, 3, 1, 10, 0), "HELD", false);
        hospitalEvent(Instant.parse("2026-01-10T08:00:00Z"), "SLHJ");

        String hospitalOnly = timeline("?slags=hospital.event");

        assertThat(hospitalOnly).contains("Sygehusadvis: Udskrevet til hjemmet")
                .doesNotContain("Forebyggende hjemmebesøg holdt").doesNotContain("begyndte at arbejde med borgeren");
        assertThat(timeline("?slags=hospital.event&slags=homevisit.visit"))
                .contains("Sygehusadvis: Udskrevet til hjemmet", "Forebyggende hjemmebesøg holdt");
    }

    @Test
    void aCitizenWithNothingYetSaysSo() throws Exception {
        assertThat(timeline("?slags=outcome.score")).contains("Der er intet på borgerens tidslinje endnu.");
    }

    @Test
    void aColleagueWithoutNeedToKnowIsRefusedAndTheRefusalIsAudited() throws Exception {
        visit(LocalDateTime.of(2026, 3, 1, 10, 0), "HELD", false);

        String page = mvc.perform(get("/borgere/{id}/tidslinje", karen).with(UNRELATED))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("Forebyggende hjemmebesøg holdt").contains("bryd-glasset");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'faellesteam'
                   AND outcome = 'REFUSED'
                """).param("citizen", karen).query(Long.class).single()).isOne();
    }

    @Test
    void everyCitizenPageHasTheSameTabsAlsoTheModulesPages() throws Exception {
        for (String path : new String[] {"", "/tidslinje", "/netvaerk", "/besoeg", "/maalinger", "/sygehus"}) {
            String page = mvc.perform(get("/borgere/" + karen + path).with(NURSE)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            String base = "/borgere/" + karen;
            assertThat(page).as(path).containsSubsequence(
                    "class=\"citizen-tabs\"", "href=\"" + base + "\"", ">Overblik<", ">Ret oplysninger<",
                    ">Netværk<", ">Samtykker<", ">Tilknytninger<", ">Tidslinje<", ">Hjemmebesøg<", ">Målinger<",
                    ">Sygehus<");
            assertThat(page).as(path).contains("href=\"" + base + path + "\" aria-current=\"page\"");
        }
    }

    private String timeline(String query) throws Exception {
        return mvc.perform(get("/borgere/" + karen + "/tidslinje" + query).with(NURSE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private void visit(LocalDateTime start, String status, boolean tagged) {
        ModuleRecords.visit(jdbc, karen, start, status, tagged);
    }

    private void lifeEvent(LocalDate on, String type, String source) {
        ModuleRecords.lifeEvent(jdbc, karen, on, type, source);
    }

    private void score(LocalDate on) {
        ModuleRecords.score(jdbc, karen, on);
    }

    private void hospitalEvent(Instant at, String code) {
        ModuleRecords.hospitalEvent(jdbc, karen, at, code);
    }
}

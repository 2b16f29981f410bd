package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Searching the host's board (issue 16): the board's rows (today's and open, or those waiting) whose own text holds
 * every word searched for, in any case: who contacted and how, on whose behalf, the wish, why it was linked, the
 * closing note; never a citizen's name (the citizen module's), never the text of an inquiry about a citizen the host
 * may not see. The search keeps the other choices and the pages of 50, says when nothing matches, and can be cleared.
 */
@BrobyggerTest
class BoardSearchTests {

    private static final Pattern ROW = Pattern.compile("/indgang/henvendelser/([0-9a-f-]{36})\"");

    @Autowired MockMvc mvc;
    @Autowired TestCourses courses;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID karen;
    UUID sind;
    UUID aboutMikkel;
    UUID aboutTorben;

    @BeforeEach
    void aBoard() {
        courses.reset();
        citizens.reset();
        Instant now = clock.instant();
        // Mikkel is known to the municipality, but not to the host; Torben is one the host works with.
        UUID mikkel = citizens.registered(CourseTests.CPR, "Mikkel Holm", "hjemmebesog");
        UUID torben = citizens.registered("010190-1234", "Torben Frandsen", "vaert");
        karen = inquiry(now.minus(Duration.ofMinutes(5)), "Karen Holm", "sin søn", "Vil gerne i gang med at gå ture",
                null, null, false);
        sind = inquiry(now.minus(Duration.ofDays(2)), "Foreningen Sind", null, "Ønsker hjælp mod ENSOMHED", null,
                null, false);
        inquiry(now.minus(Duration.ofDays(3)), "Ole", null, "Ensomhed, men klaret med råd", null, null, true);
        aboutMikkel = inquiry(now.minus(Duration.ofDays(1)), "Lægen", null, "Ensomhed og søvnbesvær", mikkel,
                "Lægen ringede om ham", false);
        aboutTorben = inquiry(now.minus(Duration.ofDays(1)), "Torbens mor", null, "Vil have hjælp til at flytte",
                torben, "Moren ringede", false);
        // 60 open inquiries about a knitting club, for the pages.
        for (int i = 0; i < 60; i++) {
            inquiry(now.minus(Duration.ofHours(30 + i)), null, null, "Vil gerne starte i strikkeklubben " + i, null,
                    null, false);
        }
    }

    UUID inquiry(Instant at, @Nullable String contact, @Nullable String onBehalfOf, String wish,
            @Nullable UUID citizen, @Nullable String linkReason, boolean closed) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO course_inquiry (id, received_at, channel, source, contact_name, on_behalf_of, wish,
                                            urgency, citizen_knows, young, citizen_id, linked_at, linked_by,
                                            link_reason, outcome, outcome_note, closed_at, version)
                VALUES (:id, :at, 'PHONE', 'RELATIVE', :contact, :behalf, :wish, 'THIS_WEEK', 'UNKNOWN', FALSE,
                        :citizen, :linkedAt, :linkedBy, :reason, :outcome, :note, :closed, 0)
                """).param("id", id).param("at", Timestamp.from(at)).param("contact", contact)
                .param("behalf", onBehalfOf).param("wish", wish).param("citizen", citizen)
                .param("linkedAt", citizen == null ? null : Timestamp.from(at))
                .param("linkedBy", citizen == null ? null : "vaert").param("reason", linkReason)
                .param("outcome", closed ? "ADVICE_GIVEN" : null).param("note", closed ? "Rådgivet om Sind" : null)
                .param("closed", closed ? Timestamp.from(at.plusSeconds(60)) : null).update();
        return id;
    }

    /** The rows on the board for these parameters, given as name, value, name, value... */
    List<UUID> rows(String... parameters) throws Exception {
        var request = get("/indgang").with(CourseTests.HOST);
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var ids = new ArrayList<UUID>();
        var matcher = ROW.matcher(html);
        while (matcher.find()) {
            ids.add(UUID.fromString(matcher.group(1)));
        }
        return ids;
    }

    @Test
    void theSearchFindsTheInquirysOwnTextInAnyCase() throws Exception {
        assertThat(rows("soeg", "KAREN")).containsExactly(karen);
        assertThat(rows("soeg", "SØN")).as("on whose behalf, Danish letters in another case")
                .containsExactly(karen);
        assertThat(rows("soeg", "ensomhed")).as("the wish; not the closed one, which is not on the board")
                .containsExactly(sind);
        assertThat(rows("soeg", " Karen  ture ")).as("every word, anywhere in the text").containsExactly(karen);
        assertThat(rows("soeg", "Karen ensomhed")).isEmpty();
        assertThat(rows("soeg", "moren ringede")).as("why it was linked").containsExactly(aboutTorben);
    }

    @Test
    void neitherACitizensNameNorTheTextAboutACitizenTheHostMayNotSeeIsSearched() throws Exception {
        assertThat(rows()).contains(aboutMikkel, aboutTorben);
        mvc.perform(get("/indgang").param("soeg", "Frandsen").with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen henvendelser matcher »Frandsen«.")));
        assertThat(rows("soeg", "søvnbesvær")).as("the board hides this text from the host").isEmpty();
        assertThat(rows("soeg", "Lægen")).doesNotContain(aboutMikkel);
    }

    @Test
    void theSearchKeepsTheOtherChoicesAndThePages() throws Exception {
        var first = rows("soeg", "strikkeklubben");
        var second = rows("soeg", "strikkeklubben", "side", "2");
        assertThat(first).hasSize(Inquiries.BOARD_PAGE);
        assertThat(second).hasSize(10).doesNotContainAnyElementsOf(first);
        mvc.perform(get("/indgang").param("soeg", "strikkeklubben").param("vis", "venter").param("sortering", "aeldste")
                .with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Side 1 af 2 (60 henvendelser)")))
                .andExpect(content().string(containsString(
                        "/indgang?vis=venter&amp;sortering=aeldste&amp;soeg=strikkeklubben&amp;side=2")))
                .andExpect(content().string(containsString("value=\"strikkeklubben\"")));
        assertThat(rows("soeg", "strikkeklubben 59", "sortering", "aeldste")).hasSize(1);

        jdbc.sql("UPDATE course_inquiry SET contacted_at = CURRENT_TIMESTAMP, contacted_by = 'vaert' WHERE id = :id")
                .param("id", karen).update();
        assertThat(rows("soeg", "karen")).containsExactly(karen);
        assertThat(rows("soeg", "karen", "vis", "venter")).isEmpty();
    }

    @Test
    void nothingMatchingIsSaidAndTheSearchCanBeCleared() throws Exception {
        mvc.perform(get("/indgang").param("soeg", "100%").param("vis", "venter").with(CourseTests.HOST))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen henvendelser matcher »100%«.")))
                .andExpect(content().string(containsString(
                        "<a id=\"ryd-soegning\" href=\"/indgang?vis=venter&amp;sortering=nyeste\">Ryd søgningen</a>")))
                .andExpect(content().string(not(containsString("Ingen henvendelser i dag"))));
        assertThat(rows("soeg", "_")).as("LIKE's wildcards are only themselves").isEmpty();
        assertThat(rows("soeg", "  ")).as("a blank search is the board").hasSize(Inquiries.BOARD_PAGE);
        mvc.perform(get("/indgang").with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("ryd-soegning"))))
                .andExpect(content().string(containsString("<label class=\"form-label\" for=\"soeg\">Søg i henvendelserne</label>")));
    }
}

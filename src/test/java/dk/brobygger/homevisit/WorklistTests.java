package dk.brobygger.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The home visitor's worklist: due visits and outreach items, taken, closed with an outcome. */
@BrobyggerTest
class WorklistTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired org.springframework.transaction.support.TransactionTemplate transaction;

    int year;
    UUID karen;
    UUID ole;
    UUID oleItem;

    @BeforeEach
    void aDueCitizenAndOneAtRisk() {
        data.reset();
        LocalDate today = LocalDate.now(clock);
        year = today.getYear();
        karen = data.citizen("Karen Jensen", LocalDate.of(year - 75, 5, 1), "ALONE", "VEST");
        ole = data.citizen("Ole Madsen", today.minusYears(68), "ALONE", "ØST", "MALE");
        oleItem = data.openOutreachItem(ole, "LOST_SPOUSE", today.minusDays(4));
    }

    @Test
    void theWorklistShowsDueVisitsAndOutreachItemsWithTheirReasons() throws Exception {
        // Ole is on it for two reasons, an outreach item and a §79a visit for being 65-81 and at risk: one row.
        mvc.perform(get("/hjemmebesog").with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Karen Jensen")))
                .andExpect(content().string(containsString("Fylder 75 i året")))
                .andExpect(content().string(containsString("Ole Madsen")))
                .andExpect(content().string(containsString("Mistet ægtefælle/samlever")))
                .andExpect(content().string(containsString("65–81 år og i særlig risiko")))
                .andExpect(content().string(containsString("2 på listen")));
        String all = page();
        assertThat(all.split(">Ole Madsen</a>", -1)).as("Ole's name once, on one row").hasSize(2);
        assertThat(order(all, ">Ole Madsen</a>", "65–81 år og i særlig risiko", "Mistet ægtefælle/samlever")).isTrue();
        mvc.perform(get("/hjemmebesog").param("distrikt", "ØST").with(NURSE))
                .andExpect(content().string(not(containsString("Karen Jensen"))))
                .andExpect(content().string(containsString("Ole Madsen")));
        mvc.perform(get("/hjemmebesog").with(httpBasic("faellesteam", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void visitsAndItemsAreSortedTogetherByAgeByNameAndByTheEventsDate() throws Exception {
        data.citizen("Anna Berg", LocalDate.of(year - 80, 3, 1), "WITH_PARTNER", "VEST");

        assertThat(order(page("sorter", "AGE"), "Anna Berg", "Karen Jensen", "Ole Madsen")).isTrue();
        assertThat(order(page("sorter", "NAME"), "Anna Berg", "Karen Jensen", "Ole Madsen")).isTrue();
        // Only the outreach item has an event's date: it comes first, then the visits by name.
        String byDate = page("sorter", "REASON_DATE");
        assertThat(order(byDate, "Mistet ægtefælle/samlever", "Anna Berg", "Karen Jensen")).isTrue();
        assertThat(byDate.indexOf("Ole Madsen")).isLessThan(byDate.indexOf("Anna Berg"));
    }

    @Test
    void aLongListIsShownFiftyCitizensAPageAndAPagePastTheEndShowsTheLast() throws Exception {
        // 60 + Karen + Ole: the list counts citizens, Ole once for both his reasons.
        for (int i = 1; i <= 60; i++) {
            data.citizen("Borger %02d".formatted(i), LocalDate.of(year - 75, 1 + i % 12, 1 + i % 28), "ALONE", "VEST");
        }

        String first = page("sorter", "NAME");
        assertThat(first).contains(">62 på listen<", "Side 1 af 2", "Borger 50").doesNotContain("Borger 51");
        String second = page("sorter", "NAME", "side", "2");
        assertThat(second).contains(">62 på listen<", "Side 2 af 2", "Borger 51", "Borger 60", "Karen Jensen", "Ole Madsen")
                .doesNotContain("Borger 50");
        assertThat(page("sorter", "NAME", "side", "9")).contains("Side 2 af 2", "Borger 60");
    }

    @Test
    void theLinesNobodyHasTakenAndTheUsersOwnAreShownWhenAskedFor() throws Exception {
        mvc.perform(post("/hjemmebesog/tag").with(NURSE).with(csrf()).param("art", "VISIT")
                        .param("borger", karen.toString()).param("aar", String.valueOf(year)))
                .andExpect(flash().attribute("success", "homevisit.worklist.takenOk"));

        assertThat(page("vis", "NOBODY")).contains(">1 på listen<", "Ole Madsen").doesNotContain("Karen Jensen");
        assertThat(page("vis", "MINE")).contains(">1 på listen<", "Karen Jensen").doesNotContain("Ole Madsen");
        assertThat(page("vis", "MINE", "distrikt", "ØST")).contains(">0 på listen<");
    }

    @Test
    void everyNameLeadsToTheCitizenAndTheUserIsOfferedOnceAsMigSelvAndShownByName() throws Exception {
        String before = page();
        assertThat(before).contains("href=\"/borgere/" + karen + "\"", "href=\"/borgere/" + ole + "\"");
        // The take form offers the user as "Mig selv" only, not again by user name.
        assertThat(before).doesNotContain("<option value=\"hjemmebesog\"");

        mvc.perform(post("/hjemmebesog/tag").with(NURSE).with(csrf()).param("art", "VISIT")
                        .param("borger", karen.toString()).param("aar", String.valueOf(year)))
                .andExpect(flash().attribute("success", "homevisit.worklist.takenOk"));
        String after = page("vis", "MINE");
        assertThat(after).contains("<td>Hanne Hjemmebesøg</td>", ">Hanne Hjemmebesøg</option>")
                .doesNotContain(">hjemmebesog<");
    }

    private String page(String... params) throws Exception {
        var request = get("/hjemmebesog").with(NURSE);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Does each text first appear after the one before it? */
    private static boolean order(String page, String... texts) {
        int at = -1;
        for (String text : texts) {
            int next = page.indexOf(text);
            if (next <= at) {
                return false;
            }
            at = next;
        }
        return true;
    }

    @Test
    void takingADueVisitRelatesTheTeamAndClosingItRecordsTheOfferAndEndsTheRelation() throws Exception {
        mvc.perform(get("/api/citizens/{id}", karen).with(NURSE)).andExpect(status().isForbidden());

        mvc.perform(post("/hjemmebesog/tag").with(NURSE).with(csrf()).param("art", "VISIT")
                        .param("borger", karen.toString()).param("aar", String.valueOf(year)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "homevisit.worklist.takenOk"));
        mvc.perform(get("/api/citizens/{id}", karen).with(NURSE)).andExpect(status().isOk());
        mvc.perform(get("/api/citizens/{id}", karen).with(httpBasic("faellesteam", "demo")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT team FROM citizen_relation WHERE citizen_id = :c AND ended_at IS NULL")
                .param("c", karen).query(String.class).list()).containsExactly("forebyggende-hjemmebesoeg");

        mvc.perform(post("/hjemmebesog/tag").with(NURSE).with(csrf()).param("art", "VISIT")
                        .param("borger", karen.toString()).param("aar", String.valueOf(year)))
                .andExpect(flash().attribute("error", "homevisit.worklist.taken"));

        UUID task = jdbc.sql("SELECT id FROM homevisit_worklist_line WHERE citizen_id = :c").param("c", karen)
                .query(UUID.class).single();
        mvc.perform(post("/hjemmebesog/opgaver/{id}/luk", task).with(NURSE).with(csrf()).param("udfald", "ACCEPTED")
                        .param("dato", LocalDate.now(clock).toString()).param("kanal", "LETTER"))
                .andExpect(flash().attribute("success", "homevisit.worklist.closedOk"));

        mvc.perform(get("/api/citizens/{id}", karen).with(NURSE)).andExpect(status().isForbidden());
        mvc.perform(get("/api/homevisits/due").param("year", String.valueOf(year)).param("district", "VEST")
                        .with(NURSE))
                .andExpect(jsonPath("$[0].offerStatus").value("ACCEPTED"));
        assertThat(jdbc.sql("SELECT channel FROM homevisit_offer WHERE citizen_id = :c").param("c", karen)
                .query(String.class).single()).isEqualTo("LETTER");
    }

    @Test
    void anOutreachItemTakenAndNotReachedIsClosedWithThatOutcome() throws Exception {
        mvc.perform(post("/hjemmebesog/tag").with(NURSE).with(csrf()).param("art", "OUTREACH")
                        .param("borger", ole.toString()).param("emne", oleItem.toString()))
                .andExpect(flash().attribute("success", "homevisit.worklist.takenOk"));
        mvc.perform(get("/hjemmebesog").param("vis", "MINE").with(NURSE))
                .andExpect(content().string(containsString("Ole Madsen")))
                .andExpect(content().string(not(containsString("Karen Jensen"))));

        UUID task = jdbc.sql("SELECT id FROM homevisit_worklist_line WHERE citizen_id = :c").param("c", ole)
                .query(UUID.class).single();
        mvc.perform(post("/hjemmebesog/opgaver/{id}/luk", task).with(NURSE).with(csrf()).param("udfald", "NOT_REACHED"))
                .andExpect(flash().attribute("success", "homevisit.worklist.closedOk"));
        assertThat(jdbc.sql("SELECT status || ' ' || outcome FROM outreach_item WHERE id = :id").param("id", oleItem)
                .query(String.class).single()).isEqualTo("CLOSED NOT_REACHED");
        mvc.perform(get("/api/citizens/{id}", ole).with(NURSE)).andExpect(status().isForbidden());
    }

    @Test
    void aWithdrawnOutreachItemLeavesTheWorklistAndTheTeamsAccessEnds() throws Exception {
        UUID event = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO life_event (id, citizen_id, type, occurred_on, source, arrived_via, hospital_event_id,
                                        recorded_by, recorded_at)
                VALUES (:id, :citizen, 'DISCHARGED_FROM_HOSPITAL', :day, 'Sygehus', 'HOSPITAL', :hospital, 'system',
                        CURRENT_TIMESTAMP)
                """).param("id", event).param("citizen", ole).param("day", LocalDate.now(clock))
                .param("hospital", event).update();
        jdbc.sql("UPDATE outreach_item SET life_event_id = :event WHERE id = :item").param("event", event)
                .param("item", oleItem).update();
        mvc.perform(post("/hjemmebesog/tag").with(NURSE).with(csrf()).param("art", "OUTREACH")
                        .param("borger", ole.toString()).param("emne", oleItem.toString()))
                .andExpect(flash().attribute("success", "homevisit.worklist.takenOk"));
        mvc.perform(get("/api/citizens/{id}", ole).with(NURSE)).andExpect(status().isOk());

        transaction.executeWithoutResult(status -> publisher.publishEvent(new dk.brobygger.hospital.HospitalEventCancelled(
                event, new dk.brobygger.citizen.CitizenId(ole), dk.brobygger.hospital.HospitalEventCode.SLHJ)));

        long until = System.nanoTime() + 10_000_000_000L;
        while (jdbc.sql("SELECT COUNT(*) FROM followup_task_view WHERE status = 'OPEN'").query(Long.class).single() > 0
                && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("SELECT outcome FROM followup_task_view WHERE citizen_id = :c").param("c", ole)
                .query(String.class).single()).isEqualTo("NOT_RELEVANT");
        mvc.perform(get("/api/citizens/{id}", ole).with(NURSE)).andExpect(status().isForbidden());
    }

    @Test
    void workIsGivenOnlyToMembersOfTheHomeVisitorsTeam() throws Exception {
        mvc.perform(post("/hjemmebesog/tag").with(NURSE).with(csrf()).param("art", "VISIT")
                        .param("borger", karen.toString()).param("aar", String.valueOf(year))
                        .param("besoeger", "faellesteam"))
                .andExpect(flash().attribute("error", "homevisit.worklist.notAVisitor"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM homevisit_worklist_line").query(Long.class).single()).isZero();
    }

    @Test
    void aCitizenNotDueCannotBeTakenAsAVisit() throws Exception {
        mvc.perform(post("/hjemmebesog/tag").with(NURSE).with(csrf()).param("art", "VISIT")
                        .param("borger", karen.toString()).param("aar", String.valueOf(year + 1)))
                .andExpect(flash().attribute("error", "homevisit.offer.notDue"));
    }
}

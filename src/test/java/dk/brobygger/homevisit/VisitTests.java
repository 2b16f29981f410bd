package dk.brobygger.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.TestDirectory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The home visitor's day: plan a visit, see it in the calendar, document the conversation about
 * loneliness, get the "Fællesskab" tag, suggest offers, and call back within 6 weeks.
 */
@BrobyggerTest
class VisitTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor COLLEAGUE = httpBasic("faellesteam", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    String karen;
    LocalDate today;

    @BeforeEach
    void karenLivesAloneInVest() throws Exception {
        citizens.reset();
        today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        String answer = mvc.perform(post("/api/citizens").with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"cpr": "150551-1234", "name": "Karen Jensen", "address": "Vestergade 3",
                                 "postcode": "7100", "district": "VEST", "livingSituation": "ALONE"}
                                """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        karen = answer.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    String plan(LocalDate day) throws Exception {
        String location = mvc.perform(post("/borgere/{id}/besoeg", karen).with(NURSE).with(csrf())
                        .param("dato", day.toString()).param("tid", "10:00").param("varighed", "60").param("sted", "HOME"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/hjemmebesog/besoeg/");
        return location.substring("/hjemmebesog/besoeg/".length());
    }

    long version(String visit) {
        return jdbc.sql("SELECT version FROM visit WHERE id = :id").param("id", UUID.fromString(visit))
                .query(Long.class).single();
    }

    @Test
    void aPlannedVisitShowsInTheVisitorsCalendarByDayAndWeekWithTheCitizensName() throws Exception {
        plan(today);
        mvc.perform(get("/hjemmebesog/kalender").param("dato", today.toString()).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Karen Jensen")))
                .andExpect(content().string(containsString("Vestergade 3, 7100")))
                .andExpect(content().string(containsString("10:00–11:00")));
        mvc.perform(get("/hjemmebesog/kalender").param("dato", today.toString()).param("visning", "dag").with(NURSE))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Karen Jensen")));
        mvc.perform(get("/hjemmebesog/kalender").param("dato", today.plusWeeks(2).toString()).with(NURSE))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Karen Jensen"))));
        mvc.perform(get("/hjemmebesog/kalender").with(COLLEAGUE))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Karen Jensen"))));
    }

    @Test
    void aPlannedVisitWhoseTimeHasPassedIsMarkedAsMissingItsDocumentation() throws Exception {
        String past = plan(today.plusDays(1));
        plan(today.plusDays(2));
        jdbc.sql("UPDATE visit SET planned_start = :start WHERE id = :id")
                .param("start", java.sql.Timestamp.valueOf(today.minusDays(1).atTime(10, 0)))
                .param("id", UUID.fromString(past)).update();

        String yesterday = mvc.perform(get("/hjemmebesog/kalender").param("dato", today.minusDays(1).toString())
                        .param("visning", "dag").with(NURSE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(yesterday).contains("Karen Jensen", "Mangler dokumentation");
        mvc.perform(get("/hjemmebesog/kalender").param("dato", today.plusDays(2).toString()).param("visning", "dag")
                        .with(NURSE))
                .andExpect(content().string(containsString("Karen Jensen")))
                .andExpect(content().string(not(containsString("Mangler dokumentation"))));
        String list = mvc.perform(get("/borgere/{id}/besoeg", karen).with(NURSE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list.split("Mangler dokumentation", -1)).hasSize(2);
    }

    @Test
    void talkingAboutCommunityOrLonelinessOrHandingOutTheCardEarnsTheFaellesskabTag() throws Exception {
        String physical = plan(today);
        mvc.perform(post("/hjemmebesog/besoeg/{id}", physical).with(NURSE).with(csrf())
                        .param("version", String.valueOf(version(physical))).param("afholdt", today.toString())
                        .param("tema", "PHYSICAL"))
                .andExpect(status().is3xxRedirection());
        String card = plan(today);
        mvc.perform(post("/hjemmebesog/besoeg/{id}", card).with(NURSE).with(csrf())
                .param("version", String.valueOf(version(card))).param("afholdt", today.toString())
                .param("tema", "PHYSICAL").param("visitkort", "true")).andExpect(status().is3xxRedirection());
        String conversation = plan(today);
        mvc.perform(post("/hjemmebesog/besoeg/{id}", conversation).with(NURSE).with(csrf())
                .param("version", String.valueOf(version(conversation))).param("afholdt", today.toString())
                .param("samtale", "ROOM_TO_TALK", "DETABOO")).andExpect(status().is3xxRedirection());

        assertThat(tagged(physical)).isFalse();
        assertThat(tagged(card)).isTrue();
        assertThat(tagged(conversation)).isTrue();
        mvc.perform(get("/hjemmebesog/besoeg/{id}", conversation).with(NURSE))
                .andExpect(content().string(containsString("Der var rum til at tale om ensomhed")))
                .andExpect(content().string(containsString("class=\"badge\">Fællesskab")));
    }

    @Test
    void aVisitDocumentedAsHeldAnswersTheYearsOfferSoTheOffersPerRuleCountIt() throws Exception {
        // The statistics' "Tilbud pr. regel" read "I alt 0" beside the held visits: holding the visit never
        // reached the §79a offer it answered.
        UUID offer = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO homevisit_offer (id, citizen_id, visit_year, rule, offered_on, channel, recorded_by,
                                             recorded_at, version)
                VALUES (:id, :citizen, :year, 'TURNS_75', :today, 'LETTER', 'hjemmebesog', CURRENT_TIMESTAMP, 0)
                """).param("id", offer).param("citizen", UUID.fromString(karen)).param("year", today.getYear())
                .param("today", today).update();
        String visit = plan(today);
        mvc.perform(post("/hjemmebesog/besoeg/{id}", visit).with(NURSE).with(csrf())
                        .param("version", String.valueOf(version(visit))).param("afholdt", today.toString())
                        .param("tema", "PHYSICAL"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT held_on FROM homevisit_offer WHERE id = :id").param("id", offer)
                .query(LocalDate.class).single()).isEqualTo(today);
        assertThat(jdbc.sql("SELECT held_by FROM homevisit_offer WHERE id = :id").param("id", offer)
                .query(String.class).single()).isEqualTo("hjemmebesog");
    }

    @Test
    void aCancelledVisitCannotBeDocumentedAsHeld() throws Exception {
        String visit = plan(today);
        mvc.perform(post("/hjemmebesog/besoeg/{id}/aflys", visit).with(NURSE).with(csrf())
                        .param("version", String.valueOf(version(visit))))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/hjemmebesog/besoeg/{id}", visit).with(NURSE).with(csrf())
                        .param("version", String.valueOf(version(visit))).param("afholdt", today.toString())
                        .param("tema", "COMMUNITY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Et aflyst besøg kan ikke dokumenteres som afholdt.")));
        assertThat(jdbc.sql("SELECT status FROM visit WHERE id = :id").param("id", UUID.fromString(visit))
                .query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(tagged(visit)).as("nothing saved").isFalse();
    }

    boolean tagged(String visit) {
        return jdbc.sql("SELECT community_tag FROM visit WHERE id = :id").param("id", UUID.fromString(visit))
                .query(Boolean.class).single();
    }

    @Test
    void anAgreedCallWithinSixWeeksBecomesATaskAndLaterIsRefusedInDanish() throws Exception {
        String visit = plan(today);
        mvc.perform(post("/hjemmebesog/besoeg/{id}", visit).with(NURSE).with(csrf())
                        .param("version", String.valueOf(version(visit))).param("afholdt", today.toString())
                        .param("tema", "COMMUNITY").param("opfoelgning", today.plusWeeks(6).plusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Det opfølgende opkald skal ligge efter besøget og senest 6 uger efter.")));
        assertThat(tagged(visit)).as("nothing saved").isFalse();

        mvc.perform(post("/hjemmebesog/besoeg/{id}", visit).with(NURSE).with(csrf())
                .param("version", String.valueOf(version(visit))).param("afholdt", today.toString())
                .param("tema", "COMMUNITY").param("opfoelgning", today.plusWeeks(6).toString()))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM followup_task WHERE source_id = :visit AND assignee = 'hjemmebesog'")
                .param("visit", UUID.fromString(visit)).query(Long.class).single() == 1);
        mvc.perform(get("/opgaver").with(NURSE)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Karen Jensen")))
                .andExpect(content().string(containsString("Opfølgende opkald")));
    }

    @Test
    void anOverdueCallStandsOutAndItsOutcomeIsRecorded() throws Exception {
        String visit = plan(today.minusWeeks(3));
        mvc.perform(post("/hjemmebesog/besoeg/{id}", visit).with(NURSE).with(csrf())
                .param("version", String.valueOf(version(visit))).param("afholdt", today.minusWeeks(3).toString())
                .param("visitkort", "true").param("opfoelgning", today.minusDays(2).toString()))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM followup_task")
                .query(Long.class).single() == 1);
        mvc.perform(get("/opgaver").with(NURSE))
                .andExpect(content().string(containsString("Du har 1 opgave(r), hvor fristen er overskredet.")))
                .andExpect(content().string(containsString("task-overdue")));

        UUID task = jdbc.sql("SELECT id FROM followup_task").query(UUID.class).single();
        mvc.perform(post("/opgaver/{id}", task).with(NURSE).with(csrf()).param("version", "0")
                        .param("dato", today.toString()).param("udfald", "JOINED_COMMUNITY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv hvilket fællesskab borgeren er kommet med i.")));
        mvc.perform(post("/opgaver/{id}", task).with(NURSE).with(csrf()).param("version", "0")
                        .param("dato", today.toString()).param("udfald", "JOINED_COMMUNITY")
                        .param("detalje-JOINED_COMMUNITY", "Strikkeklubben"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT outcome_detail FROM followup_task WHERE id = :id").param("id", task)
                .query(String.class).single()).isEqualTo("Strikkeklubben");
        mvc.perform(get("/opgaver").with(NURSE))
                .andExpect(content().string(containsString("Du har ingen åbne opgaver.")))
                .andExpect(content().string(containsString("Strikkeklubben")));
    }

    @Test
    void offersFromTheCitizensDistrictAreSuggestedSavedOnTheVisitAndTheCardIsPreFiltered() throws Exception {
        directory.reset();
        var library = directory.organization("Fjordlund Bibliotek");
        var vest = directory.location(library, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        var oest = directory.location(library, "Østergade 1", "7100", "ØST", 55.7100, 9.5600, true);
        var knitting = directory.offer(vest, "Strikkeklubben").category("kreativ").description("Vi strikker.").save();
        directory.offer(oest, "Strikkecafé Øst").category("kreativ").description("Vi strikker også.").save();
        directory.offer(vest, "Akutpladser").supportLevel(SupportLevel.MUNICIPAL_FRAME).description("Akut.").save();
        String visit = plan(today);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                mvc.perform(get("/hjemmebesog/besoeg/{id}", visit).param("interesser", "strik").with(NURSE))
                        .andExpect(content().string(containsString("Strikkeklubben")))
                        .andExpect(content().string(not(containsString("Strikkecafé Øst"))))
                        .andExpect(content().string(not(containsString("Akutpladser"))))
                        .andExpect(content().string(containsString("/tilbud/visitkort?bydel=VEST&amp;q=strik"))));

        mvc.perform(post("/hjemmebesog/besoeg/{id}/forslag", visit).with(NURSE).with(csrf())
                .param("tilbud", knitting.id() + "|Strikkeklubben")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT offer_name FROM visit_suggestion WHERE visit_id = :id")
                .param("id", UUID.fromString(visit)).query(String.class).list()).containsExactly("Strikkeklubben");
    }

    @Test
    void twoPeopleSavingTheSameVisitDoNotOverwriteEachOther() throws Exception {
        String visit = plan(today);
        long seen = version(visit);
        mvc.perform(post("/hjemmebesog/besoeg/{id}", visit).with(NURSE).with(csrf())
                .param("version", String.valueOf(seen)).param("afholdt", today.toString())
                .param("tema", "COMMUNITY").param("noter", "Første version")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/hjemmebesog/besoeg/{id}", visit).with(NURSE).with(csrf())
                        .param("version", String.valueOf(seen)).param("afholdt", today.toString())
                        .param("tema", "PHYSICAL").param("noter", "Anden version"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Intet er overskrevet")))
                .andExpect(content().string(containsString("Første version")));
        assertThat(jdbc.sql("SELECT notes FROM visit WHERE id = :id").param("id", UUID.fromString(visit))
                .query(String.class).single()).isEqualTo("Første version");
    }

    @Test
    void aColleagueWithoutARelationCannotOpenOrChangeTheVisitAndTheAttemptIsAudited() throws Exception {
        String visit = plan(today);
        mvc.perform(get("/hjemmebesog/besoeg/{id}", visit).with(COLLEAGUE)).andExpect(status().isForbidden());
        mvc.perform(post("/hjemmebesog/besoeg/{id}", visit).with(COLLEAGUE).with(csrf())
                .param("version", "0").param("afholdt", today.toString())).andExpect(status().isForbidden());
        mvc.perform(post("/hjemmebesog/besoeg/{id}/forslag", visit).with(COLLEAGUE).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/hjemmebesog/besoeg/{id}/aflys", visit).with(COLLEAGUE).with(csrf()).param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'faellesteam'
                   AND outcome = 'REFUSED'
                """).param("citizen", UUID.fromString(karen)).query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(tagged(visit)).isFalse();
    }

    @Test
    void aCitizenLoginHasNoHomeVisitPages() throws Exception {
        mvc.perform(get("/hjemmebesog/kalender").with(httpBasic("borger", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/opgaver").with(httpBasic("borger", "demo"))).andExpect(status().isForbidden());
    }
}

package dk.brobygger.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.homevisit.TestHomeVisits;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Opsporing: life events become outreach items that say why the citizen is on the list. */
@BrobyggerTest
class OutreachTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor MANAGER = httpBasic("leder", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    LocalDate today;
    UUID karen;

    @BeforeEach
    void aCitizenTheNurseWorksWith() {
        data.reset();
        today = LocalDate.now(clock);
        karen = data.citizen("Karen Jensen", today.minusYears(74), "ALONE", "VEST");
        data.relate(karen, "hjemmebesog");
    }

    @Test
    void aLostSpouseRecordedThroughTheApiPutsTheCitizenOnTheListWithRuleEventAndDate() throws Exception {
        String date = today.minusDays(10).toString();
        record(karen, "LOST_SPOUSE", date, "Datteren ringede")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.event.type").value("LOST_SPOUSE"))
                .andExpect(jsonPath("$.outreachItem").isString());

        mvc.perform(get("/api/outreach/items").param("district", "VEST").param("status", "OPEN").with(NURSE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].citizenId").value(karen.toString()))
                .andExpect(jsonPath("$.items[0].reason").value("LOST_SPOUSE"))
                .andExpect(jsonPath("$.items[0].reasonText").value("Mistet ægtefælle/samlever"))
                .andExpect(jsonPath("$.items[0].reasonDate").value(date))
                .andExpect(jsonPath("$.items[0].event.source").value("Datteren ringede"))
                .andExpect(jsonPath("$.items[0].event.arrivedVia").value("API"))
                .andExpect(jsonPath("$.items[0].rule.minAge").value(65))
                .andExpect(jsonPath("$.items[0].age").value(74));
        mvc.perform(get("/api/outreach/items").param("district", "ØST").with(NURSE))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void danishCodesWorkAsWellAsEnglishOnes() throws Exception {
        record(karen, "mistet_ægtefælle", today.toString(), "CPR").andExpect(status().isCreated())
                .andExpect(jsonPath("$.event.type").value("LOST_SPOUSE"));
    }

    @Test
    void anUnknownTypeAFutureDateAMissingSourceAndADuplicateAreRefusedAndNothingIsHalfSaved() throws Exception {
        record(karen, "vundet_i_lotto", today.toString(), "Nabo").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("'vundet_i_lotto' kendes ikke")))
                .andExpect(jsonPath("$.detail", containsString("mistet_aegtefaelle")));
        record(karen, "LOST_SPOUSE", today.plusDays(1).toString(), "Nabo").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("fremtiden")));
        record(karen, "LOST_SPOUSE", "31-02-2026", "Nabo").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("er ikke en dato")));
        record(karen, "LOST_SPOUSE", today.toString(), " ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("kilden")));
        assertThat(count("life_event")).isZero();

        record(karen, "LOST_SPOUSE", today.toString(), "Nabo").andExpect(status().isCreated());
        record(karen, "LOST_SPOUSE", today.toString(), "Datteren").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("allerede registreret")));
        assertThat(count("life_event")).isEqualTo(1);
        assertThat(count("outreach_item")).isEqualTo(1);
    }

    @Test
    void aColleagueWithoutARelationCannotRecordAnEventForTheCitizen() throws Exception {
        mvc.perform(post("/api/citizens/{id}/life-events", karen).with(httpBasic("faellesteam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"LOST_SPOUSE\", \"date\": \"%s\", \"source\": \"X\"}".formatted(today)))
                .andExpect(status().isForbidden());
        assertThat(count("life_event")).isZero();
    }

    @Test
    void anEventOutsideTheRuleIsRecordedButPutsNobodyOnTheList() throws Exception {
        UUID young = data.citizen("Ung Enke", today.minusYears(50), "ALONE", "VEST");
        data.relate(young, "hjemmebesog");
        record(young, "LOST_SPOUSE", today.toString(), "CPR").andExpect(status().isCreated())
                .andExpect(jsonPath("$.outreachItem").doesNotExist());
        record(karen, "LOST_SPOUSE", today.minusYears(2).toString(), "CPR").andExpect(status().isCreated())
                .andExpect(jsonPath("$.outreachItem").doesNotExist());
        assertThat(count("outreach_item")).isZero();
    }

    @Test
    void menLivingAloneAreFoundByTheEvaluationOnceAndWomenAndCouplesAreNot() throws Exception {
        UUID man = data.citizen("Ole Alene", today.minusYears(72), "ALONE", "ØST", "MALE");
        data.citizen("Jens Gift", today.minusYears(72), "WITH_PARTNER", "ØST", "MALE");
        data.citizen("Ung Mand", today.minusYears(40), "ALONE", "ØST", "MALE");

        mvc.perform(post("/api/outreach/evaluation").with(MANAGER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.newItems").value(1));
        mvc.perform(post("/api/outreach/evaluation").with(MANAGER)).andExpect(jsonPath("$.newItems").value(0));
        mvc.perform(post("/api/outreach/evaluation").with(NURSE)).andExpect(status().isForbidden());

        mvc.perform(get("/api/outreach/items").with(NURSE))
                .andExpect(jsonPath("$.items[0].citizenId").value(man.toString()))
                .andExpect(jsonPath("$.items[0].reason").value("MAN_LIVING_ALONE"))
                .andExpect(jsonPath("$.items[0].event").doesNotExist());
    }

    @Test
    void twoDischargesNotYetEvaluatedPutTheCitizenOnTheListOnceForTheNewer() throws Exception {
        for (LocalDate day : new LocalDate[] {today.minusDays(30), today.minusDays(5)}) {
            jdbc.sql("""
                    INSERT INTO life_event (id, citizen_id, type, occurred_on, source, arrived_via, recorded_by, recorded_at)
                    VALUES (:id, :citizen, 'DISCHARGED_FROM_HOSPITAL', :day, 'Sygehus', 'HOSPITAL', 'system', CURRENT_TIMESTAMP)
                    """).param("id", UUID.randomUUID()).param("citizen", karen).param("day", day).update();
        }

        mvc.perform(post("/api/outreach/evaluation").with(MANAGER)).andExpect(jsonPath("$.newItems").value(1));
        mvc.perform(get("/api/outreach/items").with(NURSE))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].reasonDate").value(today.minusDays(5).toString()));
        mvc.perform(post("/api/outreach/evaluation").with(MANAGER)).andExpect(jsonPath("$.newItems").value(0));
    }

    @Test
    void onlyOutreachTeamsAndManagersSeeTheListAndAnUnknownStatusIsRefused() throws Exception {
        mvc.perform(get("/api/outreach/items").with(httpBasic("akut", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/outreach/items").with(httpBasic("faellesteam", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/outreach/items").with(MANAGER)).andExpect(status().isOk());
        mvc.perform(get("/api/outreach/items").param("status", "GLEMT").with(NURSE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("GLEMT")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'LIST' AND username = 'akut'"
                + " AND outcome = 'REFUSED'").query(Long.class).single()).isPositive();
    }

    @Test
    void anItemIsClosedWithAnOutcomeAndADate() throws Exception {
        String item = record(karen, "LOST_SPOUSE", today.toString(), "CPR").andReturn().getResponse()
                .getContentAsString().replaceAll(".*\"outreachItem\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/outreach/items/{id}/close", item).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"NOT_REACHED\", \"date\": \"%s\"}".formatted(today)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("NOT_REACHED"));
        mvc.perform(post("/api/outreach/items/{id}/close", item).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"ACCEPTED\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/outreach/items").param("status", "CLOSED").with(NURSE))
                .andExpect(jsonPath("$.items[0].outcomeOn").value(today.toString()));
    }

    ResultActions record(UUID citizen, String type, String date, String source) throws Exception {
        return mvc.perform(post("/api/citizens/{id}/life-events", citizen).with(NURSE)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\": \"%s\", \"date\": \"%s\", \"source\": \"%s\"}".formatted(type, date, source)));
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}

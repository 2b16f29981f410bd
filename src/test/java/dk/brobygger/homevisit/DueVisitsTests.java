package dk.brobygger.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/** Who is due a preventive home visit (Serviceloven §79a, DOMAIN.md §1), at every age boundary. */
@BrobyggerTest
class DueVisitsTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor MANAGER = httpBasic("leder", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    final JsonMapper json = JsonMapper.builder().build();

    int year;

    @BeforeEach
    void noCitizens() {
        data.reset();
        year = LocalDate.now(clock).getYear();
    }

    LocalDate turning(int age) {
        return LocalDate.of(year - age, 6, 15);
    }

    @Test
    void citizenTurning70ThisYearIsOfferedAVisitOnlyIfLivingAlone() throws Exception {
        UUID alone = data.citizen("Alene 70", turning(70), "ALONE", "VEST");
        UUID withPartner = data.citizen("Par 70", turning(70), "WITH_PARTNER", "VEST");
        UUID unknown = data.citizen("Ukendt 70", turning(70), null, "VEST");

        var due = due(year);
        assertThat(due).containsEntry(alone, "ALONE_70");
        assertThat(due).doesNotContainKeys(withPartner, unknown);
    }

    @Test
    void anAnonymisedCitizenIsNotDueAVisit() throws Exception {
        UUID kept = data.citizen("Fylder 80", turning(80), "ALONE", "ØST");
        UUID anonymised = data.citizen("Anonymiseret borger", turning(80), "ALONE", "ØST");
        jdbc.sql("UPDATE citizen SET anonymised_at = CURRENT_TIMESTAMP WHERE id = :id").param("id", anonymised).update();

        var due = due(year);
        assertThat(due).containsKey(kept).doesNotContainKey(anonymised);
    }

    @Test
    void citizensTurning75And80AreOfferedAVisitWhateverTheirLivingSituation() throws Exception {
        UUID turning75 = data.citizen("Fylder 75", turning(75), "WITH_PARTNER", "ØST");
        UUID turning80 = data.citizen("Fylder 80", turning(80), "ALONE", "ØST");
        UUID turning74 = data.citizen("Fylder 74", turning(74), "ALONE", "ØST");
        UUID turning76 = data.citizen("Fylder 76", turning(76), "ALONE", "ØST");
        UUID turning79 = data.citizen("Fylder 79", turning(79), "ALONE", "ØST");
        UUID turning71 = data.citizen("Fylder 71", turning(71), "ALONE", "ØST");

        var due = due(year);
        assertThat(due).containsEntry(turning75, "TURNS_75").containsEntry(turning80, "TURNS_80");
        assertThat(due).doesNotContainKeys(turning74, turning76, turning79, turning71);
    }

    @Test
    void fromTheYearTheyTurn82CitizensAreOfferedAVisitEveryYearBut81IsNotEnough() throws Exception {
        UUID turning81 = data.citizen("Fylder 81", turning(81), "ALONE", "VEST");
        UUID turning82 = data.citizen("Fylder 82", turning(82), "WITH_PARTNER", "VEST");
        UUID turning97 = data.citizen("Fylder 97", turning(97), "CARE_HOME", "VEST");

        var due = due(year);
        assertThat(due).containsEntry(turning82, "FROM_82").containsEntry(turning97, "FROM_82");
        assertThat(due).doesNotContainKey(turning81);
        assertThat(due(year + 1)).containsEntry(turning81, "FROM_82").containsEntry(turning82, "FROM_82");
    }

    @Test
    void theRuleIsAboutTheYearOneTurnsNotTheBirthdayAlreadyReached() throws Exception {
        UUID lastDayOfYear = data.citizen("Født nytårsaften", LocalDate.of(year - 70, 12, 31), "ALONE", "VEST");
        UUID firstDayOfNextYear = data.citizen("Født nytårsdag", LocalDate.of(year - 69, 1, 1), "ALONE", "VEST");
        UUID turns82OnNewYearsEve = data.citizen("82 nytårsaften", LocalDate.of(year - 82, 12, 31), null, "VEST");
        UUID turns82NextYear = data.citizen("82 næste år", LocalDate.of(year - 81, 1, 1), null, "VEST");

        var due = due(year);
        assertThat(due).containsEntry(lastDayOfYear, "ALONE_70").containsEntry(turns82OnNewYearsEve, "FROM_82");
        assertThat(due).doesNotContainKeys(firstDayOfNextYear, turns82NextYear);
    }

    @Test
    void citizensReceivingBothPersonalCareAndPracticalHelpAreExempted() throws Exception {
        LocalDate start = LocalDate.of(year - 1, 3, 1);
        UUID both = data.citizen("Begge ydelser", turning(80), "ALONE", "VEST");
        data.homeCare(both, "PERSONAL_CARE", start, null);
        data.homeCare(both, "PRACTICAL_HELP", start, null);
        UUID personalCareOnly = data.citizen("Kun pleje", turning(80), "ALONE", "VEST");
        data.homeCare(personalCareOnly, "PERSONAL_CARE", start, null);
        UUID helpEnded = data.citizen("Hjælp stoppet", turning(80), "ALONE", "VEST");
        data.homeCare(helpEnded, "PERSONAL_CARE", start, null);
        data.homeCare(helpEnded, "PRACTICAL_HELP", start, start.plusMonths(2));

        var due = due(year);
        assertThat(due).doesNotContainKey(both);
        assertThat(due).containsKeys(personalCareOnly, helpEnded);
    }

    @Test
    void citizensAged65To81AtParticularRiskAreOfferedAVisitByNeed() throws Exception {
        UUID atRisk = data.citizen("Mistet ægtefælle", turning(68), "ALONE", "ØST");
        data.openOutreachItem(atRisk, "LOST_SPOUSE", LocalDate.now(clock));
        UUID atRisk64 = data.citizen("For ung", turning(64), "ALONE", "ØST");
        data.openOutreachItem(atRisk64, "LOST_SPOUSE", LocalDate.now(clock));
        UUID notAtRisk = data.citizen("Ingen risiko", turning(68), "ALONE", "ØST");

        var due = due(year);
        assertThat(due).containsEntry(atRisk, "RISK_65_81");
        assertThat(due).doesNotContainKeys(atRisk64, notAtRisk);
    }

    @Test
    void theDueListShowsIdAgeRuleDistrictAndOfferStatusButNoNameOrCpr() throws Exception {
        UUID karen = data.citizen("Karen Jensen", turning(75), "ALONE", "VEST");
        mvc.perform(get("/api/homevisits/due").param("year", String.valueOf(year)).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].citizenId").value(karen.toString()))
                .andExpect(jsonPath("$[0].age").value(75))
                .andExpect(jsonPath("$[0].rule").value("TURNS_75"))
                .andExpect(jsonPath("$[0].ruleText").value("Fylder 75 i året"))
                .andExpect(jsonPath("$[0].district").value("VEST"))
                .andExpect(jsonPath("$[0].offerStatus").value("NOT_OFFERED"))
                .andExpect(jsonPath("$[0].name").doesNotExist())
                .andExpect(jsonPath("$[0].cpr").doesNotExist());
        mvc.perform(get("/api/homevisits/due").param("year", String.valueOf(year)).param("district", "øst")
                        .with(NURSE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void onlyTheHomeVisitorsTeamAndManagersSeeTheListAndEveryListingIsAudited() throws Exception {
        data.citizen("Karen Jensen", turning(75), "ALONE", "VEST");
        mvc.perform(get("/api/homevisits/due").param("year", String.valueOf(year)).with(MANAGER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/homevisits/due").param("year", String.valueOf(year))
                        .with(httpBasic("faellesteam", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/homevisits/due").param("year", String.valueOf(year)).with(httpBasic("admin", "demo")))
                .andExpect(status().isForbidden());

        List<String> audit = jdbc.sql("""
                SELECT username || ' ' || outcome || ' ' || purpose FROM audit_record
                 WHERE action = 'LIST' ORDER BY id DESC FETCH FIRST 3 ROWS ONLY
                """).query(String.class).list();
        assertThat(audit).anySatisfy(line -> assertThat(line).startsWith("leder GRANTED").contains("(1 borgere)"))
                .anySatisfy(line -> assertThat(line).startsWith("faellesteam REFUSED"))
                .anySatisfy(line -> assertThat(line).startsWith("admin REFUSED"));
    }

    @Test
    void aYearThatIsNotAYearIsRefusedInDanish() throws Exception {
        mvc.perform(get("/api/homevisits/due").param("year", "i år").with(NURSE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Skriv et årstal")));
    }

    Map<UUID, String> due(int forYear) throws Exception {
        String body = mvc.perform(get("/api/homevisits/due").param("year", String.valueOf(forYear)).with(NURSE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var result = new java.util.LinkedHashMap<UUID, String>();
        json.readTree(body).forEach(node -> result.put(UUID.fromString(node.get("citizenId").asString()),
                node.get("rule").asString()));
        return result;
    }
}

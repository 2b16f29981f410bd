package dk.brobygger.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Målinger: a nurse gives an instrument, the score is kept with its version, and change shows. */
@BrobyggerTest
class ScoreTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor COLLEAGUE = httpBasic("faellesteam", "demo");
    static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    String karen;

    @BeforeEach
    void aCitizenTheNurseWorksWith() throws Exception {
        jdbc.sql("DELETE FROM instrument_response").update();
        jdbc.sql("DELETE FROM instrument WHERE NOT shipped").update();
        citizens.reset();
        String answer = mvc.perform(post("/api/citizens").with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"cpr": "150551-1234", "name": "Karen Jensen", "address": "Vestergade 3",
                                 "postcode": "7120", "district": "VEST", "livingSituation": "ALONE"}
                                """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        karen = answer.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    String ucla(int a, int b, int c, LocalDate on) {
        return """
                {"instrument": "ucla-3", "answers": {"savner-samvaer": %d, "holdt-udenfor": %d, "isoleret": %d},
                 "answeredOn": "%s", "context": "Forebyggende hjemmebesøg"}
                """.formatted(a, b, c, on);
    }

    @Test
    void theShippedInstrumentsAreThereAndNoLicensedOneShips() throws Exception {
        mvc.perform(get("/api/instruments").with(NURSE)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.containsInAnyOrder("ucla-3", "sundhedsprofil-alene")));
    }

    @Test
    void aScoreIsKeptWithTheInstrumentVersionAndTheChangeIsShown() throws Exception {
        LocalDate today = LocalDate.now(clock);
        mvc.perform(post("/api/citizens/{id}/scores", karen).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content(ucla(3, 3, 2, today.minusMonths(3))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.score").value(8))
                .andExpect(jsonPath("$.band").value("Tegn på ensomhed"))
                .andExpect(jsonPath("$.instrumentVersion").value("Hughes 2004, svar 1-3"));
        mvc.perform(post("/api/citizens/{id}/scores", karen).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                .content(ucla(2, 1, 2, today))).andExpect(status().isCreated());

        mvc.perform(get("/api/citizens/{id}/scores", karen).with(NURSE)).andExpect(status().isOk())
                .andExpect(jsonPath("$.scores.length()").value(2))
                .andExpect(jsonPath("$.scores[0].score").value(5))
                .andExpect(jsonPath("$.changes[0].first.score").value(8))
                .andExpect(jsonPath("$.changes[0].latest.score").value(5))
                .andExpect(jsonPath("$.changes[0].difference").value(-3));

        mvc.perform(get("/borgere/{id}/maalinger", karen).with(NURSE)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Fra 8 til 5")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("Tegn på ensomhed")));
    }

    @Test
    void incompleteAnswersAndFutureDatesGetADanishProblemAndNothingIsSaved() throws Exception {
        mvc.perform(post("/api/citizens/{id}/scores", karen).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"instrument": "ucla-3", "answers": {"savner-samvaer": 2, "holdt-udenfor": 2},
                                 "answeredOn": "%s"}
                                """.formatted(LocalDate.now(clock))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Der mangler et svar på spørgsmålet: "
                        + "\"Hvor ofte føler du dig isoleret fra andre?\"."));
        mvc.perform(post("/api/citizens/{id}/scores", karen).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content(ucla(1, 1, 1, LocalDate.now(clock).plusDays(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Datoen for svarene kan ikke ligge i fremtiden."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM instrument_response").query(Long.class).single()).isZero();
    }

    @Test
    void aColleagueWithoutARelationIsRefusedAndTheAttemptIsAudited() throws Exception {
        mvc.perform(post("/api/citizens/{id}/scores", karen).with(COLLEAGUE).contentType(MediaType.APPLICATION_JSON)
                .content(ucla(1, 1, 1, LocalDate.now(clock)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/citizens/{id}/scores", karen).with(COLLEAGUE)).andExpect(status().isForbidden());
        mvc.perform(get("/borgere/{id}/maalinger", karen).with(COLLEAGUE)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'faellesteam'
                   AND outcome = 'REFUSED'
                """).param("citizen", UUID.fromString(karen)).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void readingAndRecordingScoresIsAuditedWithItsPurpose() throws Exception {
        mvc.perform(post("/api/citizens/{id}/scores", karen).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                .content(ucla(1, 1, 1, LocalDate.now(clock)))).andExpect(status().isCreated());
        mvc.perform(get("/api/citizens/{id}/scores", karen).with(NURSE)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT purpose FROM audit_record WHERE citizen_id = :citizen ORDER BY id")
                .param("citizen", UUID.fromString(karen)).query(String.class).list())
                .contains("Registrerede borgerens svar på UCLA-ensomhedsskala, 3 spørgsmål",
                        "Så borgerens målinger (spørgeskemaer)");
    }

    @Test
    void theFormGivesTheInstrumentAndShowsMissingAnswersInDanishKeepingWhatWasAnswered() throws Exception {
        mvc.perform(get("/borgere/{id}/maalinger/ny", karen).param("instrument", "ucla-3").with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<legend class=\"form-label\">Hvor ofte føler du dig holdt udenfor?</legend>")));
        mvc.perform(post("/borgere/{id}/maalinger", karen).with(NURSE).with(csrf())
                        .param("instrument", "ucla-3").param("version", "Hughes 2004, svar 1-3")
                        .param("svar.savner-samvaer", "3").param("svar.holdt-udenfor", "2")
                        .param("dato", LocalDate.now(clock).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Der mangler et svar på spørgsmålet")))
                .andExpect(content().string(containsString("value=\"3\" checked")));
        mvc.perform(post("/borgere/{id}/maalinger", karen).with(NURSE).with(csrf())
                        .param("instrument", "ucla-3").param("version", "Hughes 2004, svar 1-3")
                        .param("svar.savner-samvaer", "3").param("svar.holdt-udenfor", "2").param("svar.isoleret", "1")
                        .param("dato", LocalDate.now(clock).toString()).param("sammenhaeng", "<script>alert(1)</script>"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/borgere/" + karen + "/maalinger"))
                .andExpect(flash().attribute("success", "outcome.recorded"));
        mvc.perform(get("/borgere/{id}/maalinger", karen).with(NURSE))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void anAdministratorLoadsALicensedInstrumentFromItsFileAndStaffCannot() throws Exception {
        var file = new MockMultipartFile("fil", "trivsel.json", "application/json",
                InstrumentTests.LICENSED.formatted(InstrumentTests.conversionTable()).getBytes());
        mvc.perform(multipart("/admin/instrumenter").file(file).with(NURSE).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/instrumenter").file(file).with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/instrumenter").with(ADMIN)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Trivselsskala (7 spørgsmål)")))
                .andExpect(content().string(containsString("Indlæst af admin")));
        var changed = new MockMultipartFile("fil", "trivsel.json", "application/json",
                InstrumentTests.LICENSED.formatted(InstrumentTests.conversionTable()).replace("Spørgsmål A", "Nyt A").getBytes());
        mvc.perform(multipart("/admin/instrumenter").file(changed).with(ADMIN).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("er allerede indlæst med et andet indhold")));
        var broken = new MockMultipartFile("fil", "x.json", "application/json", "{\"code\": \"x\"".getBytes());
        mvc.perform(multipart("/admin/instrumenter").file(broken).with(ADMIN).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ikke en gyldig JSON-definition")));
    }
}

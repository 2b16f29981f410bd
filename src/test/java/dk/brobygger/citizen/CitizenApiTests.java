package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.shared.CprNumber;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/** The citizen API as staff and scripts use it. */
@BrobyggerTest
class CitizenApiTests {

    static final String CPR = "010245-1236";
    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired Clock clock;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void noCitizens() {
        citizens.reset();
    }

    @Test
    void aRegisteredCitizenGetsAnIdAndALocationAndShowsAgeAndSexFromTheCprNumber() throws Exception {
        String location = register(citizen(CPR, "Karen Jensen"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString())
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).contains("/api/citizens/");

        int age = CprNumber.of(CPR).ageOn(LocalDate.now(clock));
        mvc.perform(get(location).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cpr").value(CPR))
                .andExpect(jsonPath("$.name").value("Karen Jensen"))
                .andExpect(jsonPath("$.birthDate").value("1945-02-01"))
                .andExpect(jsonPath("$.age").value(age))
                .andExpect(jsonPath("$.sex").value("FEMALE"))
                .andExpect(jsonPath("$.district").value("ØST"))
                .andExpect(jsonPath("$.livingSituation").value("ALONE"))
                .andExpect(jsonPath("$.createdBy").value("hjemmebesog"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "12345        | Et CPR-nummer har 10 cifre",
            "0102451236x  | Et CPR-nummer har 10 cifre",
            "310245-1236  | CPR-nummeret indeholder en dato, der ikke findes",
            "290223-1236  | CPR-nummeret indeholder en dato, der ikke findes",
            "''           | Et CPR-nummer har 10 cifre"})
    void anInvalidCprNumberIsRefusedWithTheReasonInDanishAndNothingIsSaved(String cpr, String message)
            throws Exception {
        register(citizen(cpr, "Karen Jensen"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail", containsString(message)));
        assertThat(citizens.count()).isZero();
    }

    @Test
    void aMissingCprNumberIsAskedFor() throws Exception {
        var body = citizen(CPR, "Karen Jensen");
        body.remove("cpr");
        register(body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Skriv et CPR-nummer."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name              | ''              | Skriv borgerens navn.",
            "name              | '   '           | Skriv borgerens navn.",
            "livingSituation   | MARRIED         | Boformen findes ikke",
            "district          | NORD            | Distriktet findes ikke",
            "postcode          | 71000           | Et postnummer har 4 cifre"})
    void invalidDataIsRefusedWithAClearDanishMessageAndNothingIsSaved(String field, String value, String message)
            throws Exception {
        var body = citizen(CPR, "Karen Jensen");
        body.put(field, value);
        register(body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString(message)));
        assertThat(citizens.count()).isZero();
    }

    @Test
    void aNameLongerThan200CharactersIsRefusedNotCut() throws Exception {
        register(citizen(CPR, "K".repeat(201))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Navnet er for langt: højst 200 tegn, der er skrevet 201."));
        register(citizen(CPR, "K".repeat(10_000))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Navnet er for langt: højst 200 tegn, der er skrevet 10.000."));
        assertThat(citizens.count()).isZero();
    }

    @Test
    void aCprNumberCanBeRegisteredOnlyOnceWithOrWithoutTheDash() throws Exception {
        register(citizen(CPR, "Karen Jensen")).andExpect(status().isCreated());
        register(citizen(CPR.replace("-", ""), "Karen Marie Jensen"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Der er allerede registreret en borger med dette CPR-nummer."));
        assertThat(citizens.count()).isOne();
    }

    @Test
    void aCitizenIsFoundByCprNumber() throws Exception {
        register(citizen(CPR, "Karen Jensen")).andExpect(status().isCreated());
        mvc.perform(get("/api/citizens").param("cpr", "0102451236").with(NURSE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Karen Jensen"));
        mvc.perform(get("/api/citizens").param("cpr", "020245-1236").with(NURSE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Det, du spurgte efter, findes ikke."));
        mvc.perform(get("/api/citizens").param("cpr", "320245-1236").with(NURSE))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aChangeFromAStaleVersionIsRefusedWithTheCurrentValuesAndOverwritesNothing() throws Exception {
        String location = location(register(citizen(CPR, "Karen Jensen")));
        var change = new LinkedHashMap<String, Object>(Map.of("version", 0, "name", "Karen Jensen",
                "address", "Strandvejen 4", "postcode", "7130", "district", "ØST", "livingSituation", "WITH_PARTNER",
                "phone", "20 30 40 50"));
        mvc.perform(put(location).with(NURSE).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(change)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("Strandvejen 4"))
                .andExpect(jsonPath("$.livingSituation").value("WITH_PARTNER"))
                .andExpect(jsonPath("$.version").value(1));

        change.put("address", "Kirkevej 9");
        mvc.perform(post(location + "/relations").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"faellesteam\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put(location).with(httpBasic("faellesteam", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(change)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("hjemmebesog")))
                .andExpect(jsonPath("$.current.address").value("Strandvejen 4"))
                .andExpect(jsonPath("$.current.version").value(1));
        mvc.perform(get(location).with(NURSE)).andExpect(jsonPath("$.address").value("Strandvejen 4"));
    }

    @Test
    void htmlAndSqlInFieldsAreStoredAsPlainText() throws Exception {
        String name = "<script>alert('x')</script> Robert'); DROP TABLE citizen;--";
        String location = location(register(citizen(CPR, name)));
        mvc.perform(get(location).with(NURSE)).andExpect(jsonPath("$.name", is(name)));
        assertThat(citizens.count()).isOne();
    }

    @Test
    void anonymousCallersAreAskedToLogIn() throws Exception {
        mvc.perform(get("/api/citizens").param("cpr", CPR)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/citizens/00000000-0000-4000-8000-000000000000")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/citizens/00000000-0000-4000-8000-000000000000").with(httpBasic("hjemmebesog", "forkert"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        // Without credentials a write is stopped even earlier, by the CSRF protection of cookie sessions.
        mvc.perform(post("/api/citizens").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(citizen(CPR, "Karen Jensen"))))
                .andExpect(status().isForbidden());
        assertThat(citizens.count()).isZero();
    }

    @Test
    void directoryEditorsSeeNoCitizens() throws Exception {
        mvc.perform(post("/api/citizens").with(httpBasic("redaktoer", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(citizen(CPR, "Karen Jensen"))))
                .andExpect(status().isForbidden());
        assertThat(citizens.count()).isZero();
    }

    private ResultActions register(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/citizens").with(NURSE).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private String location(ResultActions created) throws Exception {
        return created.andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");
    }

    static Map<String, Object> citizen(String cpr, String name) {
        var body = new LinkedHashMap<String, Object>();
        body.put("cpr", cpr);
        body.put("name", name);
        body.put("address", "Vestergade 12");
        body.put("postcode", "7100");
        body.put("district", "ØST");
        body.put("livingSituation", "ALONE");
        return body;
    }
}

package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every refused access to a citizen is audited, whoever asks: a citizen's login trying another citizen's record
 * as staff do is refused and logged. And a CPR number whose birth date lies in the future is refused in Danish.
 */
@BrobyggerTest
class RefusedAccessAuditTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor CITIZEN = httpBasic("borger", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;

    UUID karen;

    @BeforeEach
    void aCitizenTheNurseWorksWith() {
        citizens.reset();
        karen = citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog");
    }

    @Test
    void aCitizenLookingAnotherCitizenUpByCprIsRefusedAndAudited() throws Exception {
        mvc.perform(get("/api/citizens").param("cpr", "150551-1234").with(CITIZEN))
                .andExpect(status().isForbidden());

        assertThat(auditOf(karen)).contains("borger CITIZEN SEARCH REFUSED");
    }

    @Test
    void aCitizenBreakingTheGlassToAnotherCitizenIsRefusedAndAudited() throws Exception {
        mvc.perform(post("/api/citizens/{id}/break-the-glass", karen).with(CITIZEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Jeg vil gerne se min nabos oplysninger\"}"))
                .andExpect(status().isForbidden());

        assertThat(auditOf(karen)).contains("borger CITIZEN BREAK_THE_GLASS REFUSED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM break_the_glass WHERE citizen_id = :citizen")
                .param("citizen", karen).query(Long.class).single()).isZero();
    }

    @Test
    void aCitizenSearchingByNameOrRegisteringIsRefusedAndAudited() throws Exception {
        long before = refusalsBy("borger");
        mvc.perform(get("/borgere").param("q", "Karen").with(CITIZEN)).andExpect(status().isForbidden());
        mvc.perform(post("/api/citizens").with(CITIZEN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cpr\": \"010190-1234\", \"name\": \"Ny Borger\"}"))
                .andExpect(status().isForbidden());
        assertThat(refusalsBy("borger")).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void aCprNumberBornInTheFutureIsRefusedInDanishWhereCitizensAreRegisteredAndLookedUp() throws Exception {
        for (String cpr : List.of("010136-4001", "0101364001", "311236-9002", "010150-5003")) {
            mvc.perform(post("/api/citizens").with(NURSE).contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"cpr": "%s", "name": "Fremtidig Borger", "address": "Vestergade 3",
                                     "postcode": "7120", "district": "VEST", "livingSituation": "ALONE"}
                                    """.formatted(cpr)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("fremtiden")));
            mvc.perform(get("/api/citizens").param("cpr", cpr).with(NURSE))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("fremtiden")));
            mvc.perform(get("/borgere").param("q", cpr).with(NURSE))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("fødselsdato, der ligger i fremtiden")));
            mvc.perform(post("/borgere/ny").with(NURSE).with(csrf()).param("cpr", cpr).param("name", "Fremtidig Borger")
                            .param("address", "Vestergade 3").param("postcode", "7120").param("district", "VEST")
                            .param("livingSituation", "ALONE"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("fødselsdato, der ligger i fremtiden")));
        }
        assertThat(citizens.count()).isEqualTo(1);
    }

    private List<String> auditOf(UUID citizen) {
        return jdbc.sql("""
                SELECT username, user_role, action, outcome FROM audit_record WHERE citizen_id = :citizen ORDER BY id
                """).param("citizen", citizen)
                .query((rs, n) -> rs.getString("username") + " " + rs.getString("user_role") + " " + rs.getString("action")
                        + " " + rs.getString("outcome"))
                .list();
    }

    private long refusalsBy(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE username = :username AND outcome = 'REFUSED'")
                .param("username", username).query(Long.class).single();
    }
}

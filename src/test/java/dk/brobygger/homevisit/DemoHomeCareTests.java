package dk.brobygger.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo municipality's nursing-home residents receive home care, so the §83 exemption the
 * due list already has takes them off it: no rule of its own for nursing homes.
 */
@BrobyggerTest
class DemoHomeCareTests {

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    int year;

    @BeforeEach
    void noCitizens() {
        data.reset();
        year = LocalDate.now(clock).getYear();
    }

    @Test
    void nursingHomeResidentsReceiveBothKindsOfHomeCareAndAreNoLongerDueAVisit() throws Exception {
        UUID resident = data.citizen("Bodil Plejecenter", LocalDate.of(year - 90, 6, 15), "CARE_HOME", "VEST");
        UUID turning75 = data.citizen("Erik Hjemme", LocalDate.of(year - 75, 6, 15), "WITH_PARTNER", "VEST");
        assertThat(due()).containsKeys(resident, turning75);

        new DemoHomeCare(jdbc, clock).run(null);

        assertThat(jdbc.sql("SELECT service FROM homevisit_home_care WHERE citizen_id = :id ORDER BY service")
                .param("id", resident).query(String.class).list()).containsExactly("PERSONAL_CARE", "PRACTICAL_HELP");
        assertThat(due()).doesNotContainKey(resident).containsKey(turning75);
    }

    private Map<UUID, String> due() throws Exception {
        String body = mvc.perform(get("/api/homevisits/due").param("year", String.valueOf(year))
                        .with(httpBasic("hjemmebesog", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var due = new LinkedHashMap<UUID, String>();
        JsonMapper.builder().build().readTree(body).forEach(node ->
                due.put(UUID.fromString(node.get("citizenId").asString()), node.get("rule").asString()));
        return due;
    }
}

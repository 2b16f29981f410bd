package dk.brobygger.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Register extracts: good rows are saved, each bad row is reported with its reason. */
@BrobyggerTest
class LifeEventImportTests {

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void goodRowsAreSavedAndEveryBadRowIsReportedWithItsReason() throws Exception {
        data.reset();
        LocalDate today = LocalDate.now(clock);
        LocalDate born = today.minusYears(76).withDayOfMonth(10);
        UUID inge = data.citizen("Inge", born, "ALONE", "ØST");
        String cpr = jdbc.sql("SELECT cpr FROM citizen WHERE id = :id").param("id", inge).query(String.class).single();
        String yesterday = today.minusDays(1).toString();
        String csv = """
                cpr;haendelse;dato;kilde
                %s;mistet_aegtefaelle;%s;CPR-registret
                %s;mistet_aegtefaelle;%s;CPR-registret
                0101011234;flyttet;%s;CPR-registret
                %s;flyttet;30-02-2026;CPR-registret
                %s;vundet_i_lotto;%s;
                %s;flyttet;%s;
                12345;flyttet;%s;CPR-registret
                """.formatted(cpr, yesterday, cpr, yesterday, yesterday, cpr, cpr, yesterday, cpr,
                today.plusDays(3), yesterday);

        mvc.perform(post("/api/outreach/life-events/import").with(httpBasic("hjemmebesog", "demo"))
                        .contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(7))
                .andExpect(jsonPath("$.saved").value(1))
                .andExpect(jsonPath("$.outreachItems").value(1))
                .andExpect(jsonPath("$.errors.length()").value(6))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].message", containsString("allerede registreret")))
                .andExpect(jsonPath("$.errors[1].message", containsString("Ingen borger har CPR-nummeret")))
                .andExpect(jsonPath("$.errors[2].message", containsString("'30-02-2026' er ikke en dato")))
                .andExpect(jsonPath("$.errors[3].message", containsString("'vundet_i_lotto' kendes ikke")))
                .andExpect(jsonPath("$.errors[4].message", containsString("fremtiden")))
                .andExpect(jsonPath("$.errors[5].message", containsString("10 cifre")));
        assertThat(jdbc.sql("SELECT source FROM life_event").query(String.class).list()).containsExactly("CPR-registret");

        mvc.perform(post("/api/outreach/life-events/import").with(httpBasic("akut", "demo"))
                        .contentType("text/csv").content(csv))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/outreach/life-events/import").with(httpBasic("hjemmebesog", "demo"))
                        .contentType("text/csv").content("navn;dato\nKaren;2026-01-01\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("mangler kolonnen 'cpr'")));
    }
}

package dk.brobygger.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Administrators change the age and outreach rules after seeing how many citizens a change selects. */
@BrobyggerTest
class RulePagesTests {

    static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    int year;

    @BeforeEach
    void citizensTurning75And80() {
        data.reset();
        year = LocalDate.now(clock).getYear();
        data.citizen("Fylder 75", LocalDate.of(year - 75, 3, 3), "WITH_PARTNER", "VEST");
        data.citizen("Fylder 80", LocalDate.of(year - 80, 3, 3), "WITH_PARTNER", "VEST");
    }

    @Test
    void aPreviewCountsTheCitizensAChangeWouldSelectAndSavesNothing() throws Exception {
        mvc.perform(get("/admin/hjemmebesog/regler").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Serviceloven §79a (lov 508/2019)")));
        mvc.perform(post("/admin/hjemmebesog/regler").with(ADMIN).with(csrf()).param("alene", "70")
                        .param("fylder", "75").param("hvertAar", "82").param("risikoFra", "65").param("risikoTil", "81")
                        .param("undtag", "true").param("handling", "preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Med disse regler skal 1 borgere tilbydes besøg i %d (med de gældende regler: 2)".formatted(year))));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM homevisit_policy").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSavedChangeIsInForceAndTheOldRulesStayInTheHistory() throws Exception {
        mvc.perform(post("/admin/hjemmebesog/regler").with(ADMIN).with(csrf()).param("alene", "70")
                        .param("fylder", "75").param("hvertAar", "82").param("risikoFra", "65").param("risikoTil", "81")
                        .param("undtag", "true").param("note", "Kun 75 i år").param("handling", "save"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/homevisits/due").param("year", String.valueOf(year)).with(httpBasic("leder", "demo")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].rule").value("TURNS_75"));
        mvc.perform(get("/admin/hjemmebesog/regler").with(ADMIN))
                .andExpect(content().string(containsString("Kun 75 i år")))
                .andExpect(content().string(containsString("Serviceloven §79a (lov 508/2019)")));
    }

    @Test
    void badAgesAreRefusedInDanishAndOnlyAdministratorsChangeRules() throws Exception {
        mvc.perform(post("/admin/hjemmebesog/regler").with(ADMIN).with(csrf()).param("fylder", "75, firs")
                        .param("handling", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&#39;firs&#39; er ikke en alder")));
        mvc.perform(post("/admin/hjemmebesog/regler").with(ADMIN).with(csrf()).param("risikoFra", "81")
                        .param("risikoTil", "65").param("handling", "save"))
                .andExpect(content().string(containsString("Den laveste alder (81) er højere end den højeste (65)")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM homevisit_policy").query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/admin/hjemmebesog/regler").with(httpBasic("leder", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void anOutreachRuleChangeIsPreviewedThenSavedWithHistory() throws Exception {
        LocalDate today = LocalDate.now(clock);
        data.citizen("Ole Alene", today.minusYears(70), "ALONE", "ØST", "MALE");
        data.citizen("Jens Alene", today.minusYears(62), "ALONE", "ØST", "MALE");
        mvc.perform(post("/admin/opsporing/regler").with(ADMIN).with(csrf()).param("aarsag", "MAN_LIVING_ALONE")
                        .param("minAlder", "60").param("alene", "true").param("dage", "365").param("aktiv", "true")
                        .param("handling", "preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("vil med denne regel udvælge 2 borgere i dag (med den gældende regel: 1)")));
        mvc.perform(post("/admin/opsporing/regler").with(ADMIN).with(csrf()).param("aarsag", "MAN_LIVING_ALONE")
                        .param("minAlder", "60").param("alene", "true").param("dage", "365").param("aktiv", "true")
                        .param("handling", "save"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outreach_rule WHERE reason = 'MAN_LIVING_ALONE'").query(Long.class)
                .single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT min_age FROM outreach_rule WHERE reason = 'MAN_LIVING_ALONE' AND superseded_at IS NULL")
                .query(Integer.class).single()).isEqualTo(60);
    }
}

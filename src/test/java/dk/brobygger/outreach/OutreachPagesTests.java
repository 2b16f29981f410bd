package dk.brobygger.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.homevisit.TestHomeVisits;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Staff record life events on a page and import register extracts with a report row by row. */
@BrobyggerTest
class OutreachPagesTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    LocalDate today;
    String cpr;

    @BeforeEach
    void aCitizenTheNurseWorksWith() {
        data.reset();
        today = LocalDate.now(clock);
        UUID karen = data.citizen("Karen Jensen", today.minusYears(74).withDayOfMonth(12), "ALONE", "VEST");
        data.relate(karen, "hjemmebesog");
        cpr = jdbc.sql("SELECT cpr FROM citizen WHERE id = :id").param("id", karen).query(String.class).single();
    }

    @Test
    void aLifeEventRecordedOnThePagePutsTheCitizenOnTheList() throws Exception {
        mvc.perform(get("/opsporing/livsbegivenheder").with(NURSE)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Registrér en livsbegivenhed")));
        mvc.perform(post("/opsporing/livsbegivenheder").with(NURSE).with(csrf()).param("cpr", cpr)
                        .param("type", "DISCHARGED_FROM_HOSPITAL").param("dato", today.toString())
                        .param("kilde", "Hjemmeplejen"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "outreach.page.recordedWithItem"));
        mvc.perform(post("/opsporing/livsbegivenheder").with(NURSE).with(csrf()).param("cpr", cpr)
                        .param("type", "DISCHARGED_FROM_HOSPITAL").param("dato", today.toString())
                        .param("kilde", "Hjemmeplejen"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("allerede registreret")));
        mvc.perform(post("/opsporing/livsbegivenheder").with(NURSE).with(csrf()).param("cpr", cpr)
                        .param("type", "MOVED_TO_NEW_AREA").param("dato", today.plusDays(1).toString())
                        .param("kilde", "Hjemmeplejen"))
                .andExpect(content().string(containsString("fremtiden")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM life_event").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anImportedFileIsReportedRowByRow() throws Exception {
        String csv = "cpr;haendelse;dato;kilde\n%s;flyttet;%s;CPR\n9999999999;flyttet;%s;CPR\n"
                .formatted(cpr, today.minusDays(2), today.minusDays(2));
        mvc.perform(multipart("/opsporing/import").file(new MockMultipartFile("fil", "udtraek.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(NURSE).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Filen udtraek.csv: 2 rækker, 1 gemt, 1 nye på opsporingslisten.")))
                .andExpect(content().string(containsString("Rækker, der ikke blev gemt")));
    }
}

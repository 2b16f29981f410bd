package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public inquiry form (no login) and /mig: the same thanks whoever writes, so nothing tells whether a person is
 * known; scripts are refused by the limit per address, the hidden field and the minimum time to fill in; junk gets a
 * Danish message and nothing is saved. Inquiries that never named a citizen are anonymised after a year.
 */
@BrobyggerTest
class PublicInquiryTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestCourses courses;
    @Autowired TestCitizens citizens;
    @Autowired PublicInquiryPages pages;
    @Autowired InquiryRetention retention;
    @Autowired Clock clock;

    @BeforeEach
    void noInquiries() {
        courses.reset();
    }

    MockHttpServletRequestBuilder form(String address) {
        return post("/henvendelse").with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }).param("vist", pages.token(clock.instant().minusSeconds(30)));
    }

    long inquiries() {
        return jdbc.sql("SELECT COUNT(*) FROM course_inquiry").query(Long.class).single();
    }

    @Test
    void aRelativeWritesWithoutLoginAndTheHostSeesItWaitingForContact() throws Exception {
        mvc.perform(get("/henvendelse")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hvad vil du gerne have ændret?")));
        mvc.perform(form("10.1.0.1").param("hvem", "RELATIVE").param("navn", "Lone").param("kontakt", "22334455")
                .param("paaVegneAf", "min søn").param("oensker", "Min søn kommer ikke ud af sit værelse")
                .param("ved", "DOES_NOT_KNOW")).andExpect(redirectedUrl("/henvendelse/tak"));
        assertThat(jdbc.sql("SELECT channel || ' ' || source || ' ' || citizen_knows FROM course_inquiry")
                .query(String.class).single()).isEqualTo("PUBLIC_FORM RELATIVE DOES_NOT_KNOW");
        mvc.perform(get("/indgang").with(httpBasic("vaert", "demo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ikke kontaktet")))
                .andExpect(content().string(containsString("min søn")));
    }

    @Test
    void aFormShownByAnotherNodeOrBeforeARestartIsAccepted() throws Exception {
        // Another node (or this one after a restart) with no secret configured: it signs with the same kept key.
        var otherNode = new FormSecret(jdbc, clock, "");
        var thisNode = new FormSecret(jdbc, clock, "");
        assertThat(otherNode.bytes()).hasSize(32).isEqualTo(thisNode.bytes());
        assertThat(new FormSecret(jdbc, clock, "configured on every node").bytes())
                .isEqualTo("configured on every node".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(form("10.1.0.9").param("hvem", "CITIZEN").param("oensker", "Jeg vil gerne møde nogen"))
                .andExpect(redirectedUrl("/henvendelse/tak"));
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotThePersonIsKnown() throws Exception {
        citizens.reset();
        citizens.registered("120389-4321", "Mikkel Holm", "hjemmebesog");
        String known = mvc.perform(form("10.1.0.2").param("hvem", "CITIZEN").param("navn", "Mikkel Holm")
                .param("oensker", "Jeg vil gerne have hjælp")).andReturn().getResponse().getRedirectedUrl();
        String unknown = mvc.perform(form("10.1.0.2").param("hvem", "CITIZEN").param("navn", "Ukendt Person")
                .param("oensker", "Jeg vil gerne have hjælp")).andReturn().getResponse().getRedirectedUrl();
        assertThat(known).isEqualTo(unknown).isEqualTo("/henvendelse/tak");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_inquiry WHERE citizen_id IS NULL").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void junkGetsADanishMessageAndNothingIsSaved() throws Exception {
        mvc.perform(form("10.1.0.3").param("hvem", "SYSTEM").param("oensker", "hej"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Vælg, hvem du er.")));
        mvc.perform(form("10.1.0.3").param("hvem", "RELATIVE").param("oensker", "\u0000\u0007  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv, hvad personen gerne vil have ændret.")));
        mvc.perform(form("10.1.0.3").param("hvem", "RELATIVE").param("oensker", "x".repeat(2001)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("højst 2000 tegn")));
        assertThat(inquiries()).isZero();
    }

    @Test
    void aScriptIsThankedButNothingIsSavedAndOneTooFastIsAskedToWait() throws Exception {
        mvc.perform(form("10.1.0.4").param("hvem", "CITIZEN").param("oensker", "Køb billige ure")
                .param(PublicInquiryPages.HONEYPOT, "http://spam.example")).andExpect(redirectedUrl("/henvendelse/tak"));
        mvc.perform(post("/henvendelse").with(csrf()).with(request -> {
            request.setRemoteAddr("10.1.0.4");
            return request;
        }).param("vist", pages.token(clock.instant())).param("hvem", "CITIZEN").param("oensker", "Hjælp"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("meget hurtigt")));
        mvc.perform(post("/henvendelse").with(csrf()).with(request -> {
            request.setRemoteAddr("10.1.0.4");
            return request;
        }).param("vist", "1700000000.forged").param("hvem", "CITIZEN").param("oensker", "Hjælp"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("for gammel")));
        assertThat(inquiries()).isZero();
    }

    @Test
    void aHundredFormsAMinuteFromOneAddressAreRefused() throws Exception {
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            int answer = mvc.perform(form("10.1.0.5").param("hvem", "ANONYMOUS").param("oensker", "Besked " + i))
                    .andReturn().getResponse().getStatus();
            if (answer == 429) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(90);
        assertThat(inquiries()).isEqualTo(10);
        // Another address is not held back by the first.
        mvc.perform(form("10.1.0.6").param("hvem", "ANONYMOUS").param("oensker", "Hjælp"))
                .andExpect(redirectedUrl("/henvendelse/tak"));
    }

    @Test
    void anInquiryWithoutACitizenIsAnonymisedAfterAYearAndOneLinkedToACitizenIsNot() throws Exception {
        mvc.perform(form("10.1.0.7").param("hvem", "RELATIVE").param("navn", "Lone").param("oensker", "Min søn"))
                .andExpect(redirectedUrl("/henvendelse/tak"));
        mvc.perform(form("10.1.0.7").param("hvem", "RELATIVE").param("navn", "Lise").param("oensker", "Min datter"))
                .andExpect(redirectedUrl("/henvendelse/tak"));
        jdbc.sql("UPDATE course_inquiry SET received_at = :old WHERE contact_name = 'Lone'")
                .param("old", Timestamp.from(clock.instant().minus(Duration.ofDays(370)))).update();
        assertThat(retention.apply()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COALESCE(contact_name, '-') || ' ' || wish FROM course_inquiry ORDER BY received_at")
                .query(String.class).list()).containsExactly("- Anonymiseret", "Lise Min datter");
    }

    @Test
    void aCitizenWithARecordWritesFromMyPages() throws Exception {
        citizens.reset();
        UUID own = citizens.registered("010190-1234", "Demo Borger", "hjemmebesog");
        jdbc.sql("UPDATE app_user SET citizen_id = :id WHERE username = 'borger'").param("id", own).update();
        try {
            mvc.perform(post("/mig/henvendelse").with(httpBasic("borger", "demo")).with(csrf())
                    .param("oensker", "Jeg vil gerne tilbage i en gruppe").param("hast", "THIS_WEEK"))
                    .andExpect(redirectedUrl("/mig/henvendelse"));
            assertThat(jdbc.sql("SELECT citizen_id FROM course_inquiry WHERE channel = 'MY_PAGE'").query(UUID.class)
                    .single()).isEqualTo(own);
        } finally {
            jdbc.sql("UPDATE app_user SET citizen_id = NULL WHERE username = 'borger'").update();
        }
    }
}

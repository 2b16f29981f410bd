package dk.brobygger.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.directory.TestDirectory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The offers a home visitor is shown to suggest: a lonely 90-year-old is offered the communities
 * nearest her home first, and crisis lines only when the visit was about mental health.
 */
@BrobyggerTest
class VisitSuggestionTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final List<String> OFFERS = List.of("Akuttelefonen", "Strikkeklubben", "Ældres aften", "Gåture for alle");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    String ellen;
    LocalDate today;

    @BeforeEach
    void ellenIsNinetyAndLivesAloneOnVestergade() throws Exception {
        citizens.reset();
        directory.reset();
        var association = directory.organization("Fjordlund Frivillighus");
        var crisisLine = directory.organization("Livslinien");
        // Ellen lives at Vestergade 3 in 7120: the crisis line's office is nearest, then the knitting club.
        directory.offer(directory.location(crisisLine, "Vestergade 5", "7120", "VEST", 55.7001, 9.4701, false),
                "Akuttelefonen").category("akut").description("Ring døgnet rundt, hvis du er i krise.").save();
        directory.offer(directory.location(association, "Vestergade 9", "7120", "VEST", 55.7004, 9.4705, true),
                "Strikkeklubben").category("kreativ").description("Vi strikker og drikker kaffe.").save();
        directory.offer(directory.location(association, "Skovvej 2", "7120", "VEST", 55.7100, 9.4800, true),
                "Ældres aften").category("kultur").description("Sang, foredrag og kaffe.").save();
        directory.offer(directory.location(association, "Engvej 40", "7120", "VEST", 55.7300, 9.5200, true),
                "Gåture for alle").category("motion").description("Vi går en tur sammen.").save();

        today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        String born = String.format("%02d%02d%02d", 12, 3, (today.getYear() - 90) % 100);
        String answer = mvc.perform(post("/api/citizens").with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"cpr": "%s-1234", "name": "Ellen Madsen", "address": "Vestergade 3",
                                 "postcode": "7120", "district": "VEST", "livingSituation": "ALONE"}
                                """.formatted(born)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        ellen = answer.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    @Test
    void aLonelyNinetyYearOldIsShownTheNearestCommunitiesFirstAndNoCrisisLine() throws Exception {
        String visit = heldVisitAbout("SOCIAL", "COMMUNITY");

        assertThat(suggested(visit)).containsExactly("Strikkeklubben", "Ældres aften", "Gåture for alle");
    }

    @Test
    void aVisitAboutMentalHealthAlsoShowsTheCrisisLine() throws Exception {
        String visit = heldVisitAbout("MENTAL");

        assertThat(suggested(visit)).containsExactly("Akuttelefonen", "Strikkeklubben", "Ældres aften",
                "Gåture for alle");
    }

    private String heldVisitAbout(String... themes) throws Exception {
        String location = mvc.perform(post("/borgere/{id}/besoeg", ellen).with(NURSE).with(csrf())
                        .param("dato", today.toString()).param("tid", "10:00").param("varighed", "60")
                        .param("sted", "HOME"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String visit = location.substring("/hjemmebesog/besoeg/".length());
        long version = jdbc.sql("SELECT version FROM visit WHERE id = :id").param("id", UUID.fromString(visit))
                .query(Long.class).single();
        mvc.perform(post("/hjemmebesog/besoeg/{id}", visit).with(NURSE).with(csrf())
                        .param("version", String.valueOf(version)).param("afholdt", today.toString())
                        .param("tema", themes))
                .andExpect(status().is3xxRedirection());
        return visit;
    }

    /** The offers on the visit page to suggest, in the order shown. */
    private List<String> suggested(String visit) throws Exception {
        String page = mvc.perform(get("/hjemmebesog/besoeg/{id}", visit).with(NURSE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String list = page.substring(Math.max(0, page.indexOf("name=\"tilbud\"")));
        return OFFERS.stream().filter(list::contains).sorted((a, b) -> list.indexOf(a) - list.indexOf(b)).toList();
    }
}

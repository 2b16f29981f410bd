package dk.brobygger.citizen;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.shared.CprNumber;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/** Borgere: staff find a citizen by CPR number or name and read the overview. */
@BrobyggerTest
class CitizenPagesTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired Clock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void noCitizens() {
        citizens.reset();
    }

    @Test
    void theOverviewShowsTheCprNumberFormattedAndAgeAndSexDerivedFromIt() throws Exception {
        String id = register("1507389871", "Poul Erik Sørensen");
        int age = CprNumber.of("1507389871").ageOn(LocalDate.now(clock));
        mvc.perform(get("/borgere/" + id).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("150738-9871"), containsString(age + " år"),
                        containsString("Mand"), containsString("Poul Erik Sørensen"), containsString("Bor alene"))));
    }

    @Test
    void theOverviewNamesWhoLastChangedTheRecordByTheirNameNotTheirUserName() throws Exception {
        String id = register("1507389871", "Poul Erik Sørensen");
        mvc.perform(get("/borgere/" + id).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Senest ændret af Hanne Hjemmebesøg"),
                        not(containsString("ændret af hjemmebesog")))));
    }

    @Test
    void openingTheOverviewIsAuditedAsAReadOfTheRecordAndOfTheNetwork() throws Exception {
        String id = register("1507389871", "Poul Erik Sørensen");
        mvc.perform(get("/borgere/" + id).with(NURSE)).andExpect(status().isOk());

        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                        SELECT purpose FROM audit_record
                         WHERE citizen_id = :id AND username = 'hjemmebesog' AND action = 'READ' AND outcome = 'GRANTED'
                         ORDER BY id""").param("id", java.util.UUID.fromString(id)).query(String.class).list())
                .containsExactly("Åbnede borgerens oplysninger", "Så borgerens netværk");
    }

    @Test
    void markupInANameIsShownAsTextNeverRun() throws Exception {
        String id = register("0102451236", "<script>alert('x')</script><b>Karen</b>");
        mvc.perform(get("/borgere/" + id).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert("),
                        not(containsString("<script>alert")), not(containsString("<b>Karen")))));
        mvc.perform(get("/borgere").param("q", "karen").with(NURSE))
                .andExpect(content().string(allOf(containsString("&lt;b&gt;Karen"), not(containsString("<b>Karen")))));
    }

    @Test
    void aNameSearchIgnoresCaseFindsPartsOfNamesAndSortsByName() throws Exception {
        register("0102451236", "Karen Jensen");
        register("0203461236", "Søren Jensen");
        register("0304471236", "Anne JENSEN-Holm");
        register("0405481236", "Ole Hansen");
        String page = mvc.perform(get("/borgere").param("q", "jensen").with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("3 borgere fundet"), not(containsString("Ole Hansen")))))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page.indexOf("Anne JENSEN-Holm"))
                .isLessThan(page.indexOf("Karen Jensen"));
        org.assertj.core.api.Assertions.assertThat(page.indexOf("Karen Jensen")).isLessThan(page.indexOf("Søren Jensen"));
    }

    @Test
    void longHitListsArePaged() throws Exception {
        for (int i = 1; i <= 25; i++) {
            register(String.format("%02d0150%04d", i, 1000 + 2 * i), String.format("Borger %02d Nielsen", i));
        }
        mvc.perform(get("/borgere").param("q", "nielsen").with(NURSE))
                .andExpect(content().string(allOf(containsString("25 borgere fundet"), containsString("Side 1 af 2"),
                        containsString("Borger 20 Nielsen"), not(containsString("Borger 21 Nielsen")))));
        mvc.perform(get("/borgere").param("q", "nielsen").param("side", "2").with(NURSE))
                .andExpect(content().string(allOf(containsString("Side 2 af 2"), containsString("Borger 25 Nielsen"),
                        not(containsString("Borger 20 Nielsen")))));
    }

    @Test
    void wildcardsInTheSearchAreLettersNotPatterns() throws Exception {
        register("0102451236", "Karen Jensen");
        mvc.perform(get("/borgere").param("q", "%").with(NURSE))
                .andExpect(content().string(containsString("Ingen borgere fundet")));
        mvc.perform(get("/borgere").param("q", "' OR 1=1 --").with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen borgere fundet")));
    }

    @Test
    void aCprNumberLeadsStraightToTheCitizen() throws Exception {
        String id = register("0102451236", "Karen Jensen");
        mvc.perform(get("/borgere").param("q", "010245-1236").with(NURSE))
                .andExpect(redirectedUrl("/borgere/" + id));
        mvc.perform(get("/borgere").param("q", "0202451236").with(NURSE))
                .andExpect(content().string(containsString("Ingen borger med det CPR-nummer er registreret.")));
        mvc.perform(get("/borgere").param("q", "3102451236").with(NURSE))
                .andExpect(content().string(containsString("CPR-nummeret indeholder en dato, der ikke findes.")));
    }

    @Test
    void thePagesNeedALogin() throws Exception {
        mvc.perform(get("/borgere").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/borgere/00000000-0000-4000-8000-000000000000").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void anUnknownCitizenLooksExactlyLikeOneTheUserMayNotSee() throws Exception {
        // Need-to-know must not reveal whether a citizen exists: both answers are the same refusal.
        mvc.perform(get("/borgere/00000000-0000-4000-8000-000000000000").with(NURSE))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Du har ikke adgang til borgeren")));
    }

    private String register(String cpr, String name) throws Exception {
        var body = CitizenApiTests.citizen(cpr, name);
        String answer = mvc.perform(post("/api/citizens").with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var matcher = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(answer);
        matcher.find();
        return matcher.group(1);
    }
}

package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The citizen's network, consents and relations on the page: what staff add, remove and see. */
@BrobyggerTest
class CitizenRecordPagesTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor UNRELATED = httpBasic("faellesteam", "demo");
    static final RequestPostProcessor MANAGER = httpBasic("leder", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    String karen;

    @BeforeEach
    void karenRegisteredByTheNurse() throws Exception {
        citizens.reset();
        jdbc.sql("DELETE FROM citizen_relation").update();
        String location = mvc.perform(post("/borgere/ny").with(NURSE).with(csrf()).param("cpr", "150551-1234")
                        .param("name", "Karen Jensen").param("district", "VEST"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        karen = location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aPersonAddedToTheNetworkIsShownOnTheMapAndInTheTable() throws Exception {
        mvc.perform(post("/borgere/{id}/netvaerk", karen).with(NURSE).with(csrf()).param("kind", "PRIVATE")
                        .param("name", "Mette Jensen").param("role", "datter").param("closeness", "1")
                        .param("phone", "12 34 56 78"))
                .andExpect(redirectedUrl("/borgere/" + karen + "/netvaerk"))
                .andExpect(flash().attribute("success", "network.added"));

        mvc.perform(get("/borgere/{id}/netvaerk", karen).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Mette Jensen"), containsString("datter"), containsString("Tættest på"),
                        containsString("12 34 56 78"), containsString("class=\"network-map\""))));
        assertThat(audited()).contains("hjemmebesog UPDATE GRANTED");
    }

    @Test
    void aNetworkMemberWithoutKindNameOrRoleIsRefusedInDanish() throws Exception {
        mvc.perform(post("/borgere/{id}/netvaerk", karen).with(NURSE).with(csrf()).param("name", "Mette"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vælg, om personen er en del af borgerens privat netværk eller en fagperson.")));
        mvc.perform(post("/borgere/{id}/netvaerk", karen).with(NURSE).with(csrf()).param("kind", "PROFESSIONAL")
                        .param("name", "Dr. Hansen"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Skriv personens rolle i borgerens liv"),
                        containsString("value=\"Dr. Hansen\""))));
        mvc.perform(post("/borgere/{id}/netvaerk", karen).with(NURSE).with(csrf()).param("kind", "PRIVATE")
                        .param("name", "Mette").param("role", "datter").param("closeness", "meget"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Nærhed er 1 (tættest på), 2 eller 3")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM network_member").query(Long.class).single()).isZero();
    }

    @Test
    void aRemovedMemberLeavesTheNetworkButStaysInTheHistory() throws Exception {
        mvc.perform(post("/borgere/{id}/netvaerk", karen).with(NURSE).with(csrf()).param("kind", "PRIVATE")
                .param("name", "Ole Nabo").param("role", "nabo")).andExpect(status().is3xxRedirection());
        UUID ole = jdbc.sql("SELECT id FROM network_member").query(UUID.class).single();

        mvc.perform(post("/borgere/{id}/netvaerk/{member}/fjern", karen, ole).with(NURSE).with(csrf()))
                .andExpect(redirectedUrl("/borgere/" + karen + "/netvaerk"));

        String page = mvc.perform(get("/borgere/{id}/netvaerk", karen).with(NURSE))
                .andExpect(content().string(allOf(containsString("Tidligere i netværket"), containsString("Ole Nabo"),
                        containsString("Fjernet af"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("Ole Nabo")).isGreaterThan(page.indexOf("Tidligere i netværket"));
        mvc.perform(get("/borgere/{id}", karen).with(NURSE))
                .andExpect(content().string(not(containsString("Ole Nabo"))));
    }

    @Test
    void markupInTheNetworkIsShownAsText() throws Exception {
        mvc.perform(post("/borgere/{id}/netvaerk", karen).with(NURSE).with(csrf()).param("kind", "PRIVATE")
                .param("name", "<script>alert(1)</script>").param("role", "<i>nabo</i>"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/borgere/{id}/netvaerk", karen).with(NURSE))
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>alert(1)")), not(containsString("<i>nabo</i>")))));
    }

    @Test
    void aRecordedConsentIsInForceUntilWithdrawnAndThenIsHistoryWithWhoDidIt() throws Exception {
        mvc.perform(post("/borgere/{id}/samtykker", karen).with(NURSE).with(csrf()).param("party", "ASSOCIATION")
                        .param("partyName", "Fjordlund Besøgsven").param("scope", "Deltagelse i besøgsvenneordningen")
                        .param("givenOn", LocalDate.now(clock).toString()))
                .andExpect(redirectedUrl("/borgere/" + karen + "/samtykker"))
                .andExpect(flash().attribute("success", "consent.recorded"));

        mvc.perform(get("/borgere/{id}/samtykker", karen).with(NURSE))
                .andExpect(content().string(allOf(containsString("Fjordlund Besøgsven"), containsString("Deltagelse i besøgsvenneordningen"),
                        containsString("hjemmebesog"), containsString("Træk tilbage"),
                        containsString("Ingen samtykker er trukket tilbage eller udløbet."))));

        UUID consent = jdbc.sql("SELECT id FROM consent").query(UUID.class).single();
        mvc.perform(post("/borgere/{id}/samtykker/{consent}/tilbagekald", karen, consent).with(NURSE).with(csrf()))
                .andExpect(redirectedUrl("/borgere/" + karen + "/samtykker"));
        mvc.perform(get("/borgere/{id}/samtykker", karen).with(NURSE))
                .andExpect(content().string(allOf(containsString("Borgeren har ikke et samtykke, der gælder nu."),
                        containsString("Trukket tilbage af Hanne Hjemmebesøg"), containsString("Fjordlund Besøgsven"))));
    }

    @Test
    void aConsentWithoutPartyScopeOrAValidDateIsRefusedInDanish() throws Exception {
        mvc.perform(post("/borgere/{id}/samtykker", karen).with(NURSE).with(csrf()).param("scope", "Alt"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vælg hvem samtykket gælder")));
        mvc.perform(post("/borgere/{id}/samtykker", karen).with(NURSE).with(csrf()).param("party", "ASSOCIATION")
                        .param("scope", "Besøg"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv navnet på foreningen")));
        mvc.perform(post("/borgere/{id}/samtykker", karen).with(NURSE).with(csrf()).param("party", "GP")
                        .param("scope", "Medicin").param("givenOn", "31-02-2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv datoen som DD-MM-ÅÅÅÅ")));
        mvc.perform(post("/borgere/{id}/samtykker", karen).with(NURSE).with(csrf()).param("party", "GP")
                        .param("scope", "Medicin").param("givenOn", "01-02-2026").param("validUntil", "01-01-2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Samtykket kan ikke udløbe, før det er givet.")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent").query(Long.class).single()).isZero();
    }

    @Test
    void theRelationsPageListsWhoWorksWithTheCitizenAndAManagerRelatesAColleagueOrATeam() throws Exception {
        mvc.perform(get("/borgere/{id}/tilknytninger", karen).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Hanne Hjemmebesøg"), containsString("Registrerede borgeren"),
                        not(containsString("Tilknyt</button>")))));

        mvc.perform(post("/borgere/{id}/tilknytninger", karen).with(MANAGER).with(csrf()).param("username", "faellesteam"))
                .andExpect(redirectedUrl("/borgere/" + karen + "/tilknytninger"));
        mvc.perform(post("/borgere/{id}/tilknytninger", karen).with(MANAGER).with(csrf()).param("team", "akuttilbud"))
                .andExpect(redirectedUrl("/borgere/" + karen + "/tilknytninger"));

        mvc.perform(get("/borgere/{id}", karen).with(UNRELATED)).andExpect(status().isOk());
        mvc.perform(get("/borgere/{id}/tilknytninger", karen).with(NURSE))
                .andExpect(content().string(allOf(containsString("Finn Fællesteam"), containsString("Teamet Akuttilbud"),
                        containsString("Tilknyttet af Lise Leder"), not(containsString(">faellesteam<")))));
        assertThat(audited()).contains("leder UPDATE GRANTED");
    }

    @Test
    void aManagerWhoDoesNotWorkWithTheCitizenGetsTheFormButNothingAboutTheCitizen() throws Exception {
        mvc.perform(get("/borgere/{id}/tilknytninger", karen).with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tilknyt borger"), not(containsString("Karen Jensen")),
                        not(containsString("Registrerede borgeren")))));
        mvc.perform(post("/borgere/{id}/tilknytninger", karen).with(MANAGER).with(csrf()).param("username", "findesikke"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Brugeren &quot;findesikke&quot; findes ikke."),
                        not(containsString("Karen Jensen")))));
        mvc.perform(post("/borgere/{id}/tilknytninger", karen).with(MANAGER).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv brugernavnet på en medarbejder eller koden for et team.")));
    }

    @Test
    void staffCannotRelateOthersButEndTheirOwnRelationWhenTheWorkIsDone() throws Exception {
        mvc.perform(post("/borgere/{id}/tilknytninger", karen).with(NURSE).with(csrf()).param("username", "faellesteam"))
                .andExpect(status().isForbidden());

        long own = jdbc.sql("SELECT id FROM citizen_relation WHERE username = 'hjemmebesog'").query(Long.class).single();
        mvc.perform(post("/borgere/{id}/tilknytninger/afslut", karen).with(NURSE).with(csrf()).param("relation", "" + own))
                .andExpect(redirectedUrl("/borgere/" + karen + "/tilknytninger"));

        mvc.perform(get("/borgere/{id}", karen).with(NURSE)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT ended_by FROM citizen_relation WHERE id = :id").param("id", own)
                .query(String.class).single()).isEqualTo("hjemmebesog");
        assertThat(audited()).contains("hjemmebesog UPDATE REFUSED");
    }

    @Test
    void aManagerEndsARelationAndTheHistoryKeepsWhoEndedIt() throws Exception {
        mvc.perform(post("/borgere/{id}/tilknytninger", karen).with(MANAGER).with(csrf()).param("username", "leder"))
                .andExpect(status().is3xxRedirection());
        long nurses = jdbc.sql("SELECT id FROM citizen_relation WHERE username = 'hjemmebesog'").query(Long.class).single();

        mvc.perform(post("/borgere/{id}/tilknytninger/afslut", karen).with(MANAGER).with(csrf()).param("relation", "" + nurses))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/borgere/{id}/tilknytninger", karen).with(MANAGER))
                .andExpect(content().string(containsString("Tidligere tilknytninger")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.lastIndexOf("Hanne Hjemmebesøg")).isGreaterThan(page.indexOf("Tidligere tilknytninger"));
        assertThat(page).contains("(Lise Leder)");
        assertThat(jdbc.sql("SELECT ended_by FROM citizen_relation WHERE id = :id").param("id", nurses)
                .query(String.class).single()).isEqualTo("leder");
        mvc.perform(get("/borgere/{id}", karen).with(NURSE)).andExpect(status().isForbidden());
    }

    @Test
    void anUnrelatedColleagueIsRefusedOnEveryPageAndEveryFormAndNothingChanges() throws Exception {
        for (String page : List.of("/netvaerk", "/samtykker", "/tilknytninger", "/ret")) {
            mvc.perform(get("/borgere/" + karen + page).with(UNRELATED))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString("Karen Jensen"))));
        }
        mvc.perform(post("/borgere/{id}/netvaerk", karen).with(UNRELATED).with(csrf()).param("kind", "PRIVATE")
                .param("name", "Mette").param("role", "datter")).andExpect(status().isForbidden());
        mvc.perform(post("/borgere/{id}/samtykker", karen).with(UNRELATED).with(csrf()).param("party", "GP")
                .param("scope", "Alt")).andExpect(status().isForbidden());
        long relation = jdbc.sql("SELECT id FROM citizen_relation").query(Long.class).single();
        mvc.perform(post("/borgere/{id}/tilknytninger/afslut", karen).with(UNRELATED).with(csrf())
                .param("relation", "" + relation)).andExpect(status().isForbidden());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM network_member").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_relation WHERE ended_at IS NULL").query(Long.class).single())
                .isEqualTo(1);
        assertThat(audited()).contains("faellesteam READ REFUSED", "faellesteam UPDATE REFUSED");
    }

    private List<String> audited() {
        return jdbc.sql("SELECT username, action, outcome FROM audit_record WHERE citizen_id = :citizen ORDER BY id")
                .param("citizen", UUID.fromString(karen))
                .query((rs, n) -> rs.getString("username") + " " + rs.getString("action") + " " + rs.getString("outcome"))
                .list();
    }
}

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Registrér og ret borger: the forms staff use, with Danish messages and nothing half-saved. */
@BrobyggerTest
class CitizenFormPagesTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor COLLEAGUE = httpBasic("akut", "demo");
    static final RequestPostProcessor UNRELATED = httpBasic("faellesteam", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void noCitizens() {
        citizens.reset();
        jdbc.sql("DELETE FROM citizen_relation").update();
    }

    @Test
    void registeringACitizenSavesEveryFieldAndLetsTheRegistrarSeeThem() throws Exception {
        submit(post("/borgere/ny"), NURSE, form("010245-1236", "Karen Jensen"))
                .andExpect(flash().attribute("success", "citizen.registered"));
        String id = jdbc.sql("SELECT id FROM citizen").query(UUID.class).single().toString();

        mvc.perform(get("/borgere/" + id).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Karen Jensen"), containsString("010245-1236"), containsString("Vestergade 3"),
                        containsString("7120"), containsString("12 34 56 78"), containsString("karen@example.dk"),
                        containsString("Bor alene"), containsString("arabisk"), containsString("har brug for tolk"),
                        containsString("Kører ikke selv"))));
        assertThat(audited(id)).contains("hjemmebesog CREATE GRANTED");
    }

    @Test
    void theFormHasALabelForEveryField() throws Exception {
        mvc.perform(get("/borgere/ny").with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label class=\"form-label\" for=\"cpr\">CPR-nummer</label>"),
                        containsString("for=\"name\""), containsString("for=\"address\""), containsString("for=\"postcode\""),
                        containsString("for=\"district\""), containsString("for=\"phone\""), containsString("for=\"email\""),
                        containsString("for=\"livingSituation\""), containsString("for=\"language\""),
                        containsString("for=\"needsInterpreter\""), containsString("for=\"transportNotes\""),
                        containsString("name=\"_csrf\""))));
    }

    @Test
    void aCprNumberWithTheWrongFormatOrADateThatDoesNotExistIsRefusedInDanish() throws Exception {
        submit(post("/borgere/ny"), NURSE, form("12345", "Karen Jensen"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Et CPR-nummer har 10 cifre: DDMMÅÅ-XXXX.")));
        submit(post("/borgere/ny"), NURSE, form("310245-1236", "Karen Jensen"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("CPR-nummeret indeholder en dato, der ikke findes."),
                        containsString("value=\"310245-1236\""))));
        submit(post("/borgere/ny"), NURSE, form("", "Karen Jensen"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv et CPR-nummer.")));
        assertThat(citizens.count()).isZero();
    }

    @Test
    void aCprNumberAlreadyRegisteredIsRefusedWithoutShowingWhoHasIt() throws Exception {
        var karen = form("010245-1236", "Karen Jensen");
        karen.put("address", "Åbrinken 77");
        String id = registered(karen);

        var again = form("0102451236", "Anden Borger");
        again.put("address", "Nørregade 9");
        String page = submit(post("/borgere/ny"), UNRELATED, again)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Der er allerede registreret en borger med dette CPR-nummer.")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Karen Jensen").doesNotContain(id).doesNotContain("Åbrinken");
        assertThat(citizens.count()).isEqualTo(1);
    }

    @Test
    void aTenThousandCharacterNameIsRefusedNeverCut() throws Exception {
        submit(post("/borgere/ny"), NURSE, form("010245-1236", "K".repeat(10_000)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Navnet er for langt: højst 200 tegn, der er skrevet 10.000.")));
        assertThat(citizens.count()).isZero();
    }

    @Test
    void severalMistakesAreNamedAtOnceAtTheirFieldsAndNothingIsSaved() throws Exception {
        var wrong = form("010245-1236", " ");
        wrong.put("postcode", "71");
        wrong.put("email", "karen-at-example");
        wrong.put("phone", "ring til datteren");
        submit(post("/borgere/ny"), NURSE, wrong)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Der er fejl i formularen"),
                        containsString("Skriv borgerens navn."), containsString("Et postnummer har 4 cifre, fx 7100."),
                        containsString("Skriv en gyldig e-mailadresse"), containsString("Et telefonnummer må kun indeholde"),
                        containsString("href=\"#postcode\""), containsString("aria-invalid=\"true\""),
                        containsString("value=\"karen-at-example\""))));
        assertThat(citizens.count()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_relation").query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownDistrictIsRefusedAndNothingIsHalfSaved() throws Exception {
        var wrong = form("010245-1236", "Karen Jensen");
        wrong.put("district", "NORD");
        submit(post("/borgere/ny"), NURSE, wrong)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Distriktet findes ikke i kommunen.")));
        assertThat(citizens.count()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_relation").query(Long.class).single()).isZero();
    }

    @Test
    void markupInAnyFieldIsStoredAsTextAndShownEscaped() throws Exception {
        var markup = form("010245-1236", "<script>alert('navn')</script>");
        markup.put("address", "<img src=x onerror=alert(1)>");
        markup.put("transportNotes", "<b>fed</b>");
        String id = registered(markup);

        assertThat(jdbc.sql("SELECT name FROM citizen WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("<script>alert('navn')</script>");
        for (String page : new String[] {"/borgere/" + id, "/borgere/" + id + "/ret"}) {
            mvc.perform(get(page).with(NURSE))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("&lt;script&gt;"), not(containsString("<script>alert")),
                            not(containsString("<img src=x")), not(containsString("<b>fed</b>")))));
        }
    }

    @Test
    void sqlMetacharactersAreStoredAndShownLiterally() throws Exception {
        String name = "Robert'); DROP TABLE citizen; -- \"% _";
        String id = registered(form("010245-1236", name));

        assertThat(jdbc.sql("SELECT name FROM citizen WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo(name);
        assertThat(citizens.count()).isEqualTo(1);
        mvc.perform(get("/borgere/" + id).with(NURSE))
                .andExpect(content().string(containsString("Robert&#39;); DROP TABLE citizen; -- &quot;% _")));
    }

    @Test
    void aChangeIsSavedAndTheOverviewSaysSo() throws Exception {
        String id = registered(form("010245-1236", "Karen Jensen"));
        var change = form("010245-1236", "Karen Jensen Holm");
        change.put("version", version(id));
        change.put("address", "Nørregade 9");
        submit(post("/borgere/" + id + "/ret"), NURSE, change)
                .andExpect(redirectedUrlPattern("/borgere/*"))
                .andExpect(flash().attribute("success", "citizen.saved"));

        mvc.perform(get("/borgere/" + id).with(NURSE))
                .andExpect(content().string(allOf(containsString("Karen Jensen Holm"), containsString("Nørregade 9"))));
        assertThat(audited(id)).contains("hjemmebesog UPDATE GRANTED");
    }

    @Test
    void theEditFormCarriesTheVersionItWasOpenedAt() throws Exception {
        String id = registered(form("010245-1236", "Karen Jensen"));
        mvc.perform(get("/borgere/" + id + "/ret").with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("type=\"hidden\" name=\"version\" value=\"" + version(id) + "\""),
                        containsString("value=\"Karen Jensen\""))));
    }

    @Test
    void whenSomeoneElseSavedInBetweenTheirChangeIsShownBesideYoursAndNothingIsOverwritten() throws Exception {
        String id = registered(form("010245-1236", "Karen Jensen"));
        relate(id, "akut");
        String opened = version(id);

        var theirs = form("010245-1236", "Karen Jensen");
        theirs.put("version", opened);
        theirs.put("phone", "99 88 77 66");
        submit(post("/borgere/" + id + "/ret"), COLLEAGUE, theirs).andExpect(status().is3xxRedirection());

        var mine = form("010245-1236", "Karen Jensen");
        mine.put("version", opened);
        mine.put("phone", "11 22 33 44");
        mine.put("address", "Nørregade 9");
        String page = submit(post("/borgere/" + id + "/ret"), NURSE, mine)
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Nogen har ændret borgeren, mens du skrev"),
                        containsString("Gemt nu (af Anders Akut)"), containsString("99 88 77 66"), containsString("11 22 33 44"),
                        containsString("Dine ændringer er ikke gemt"),
                        containsString("name=\"version\" value=\"" + version(id) + "\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"11 22 33 44\"");
        assertThat(jdbc.sql("SELECT phone FROM citizen WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("99 88 77 66");

        mine.put("version", version(id));
        submit(post("/borgere/" + id + "/ret"), NURSE, mine).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT phone FROM citizen WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("11 22 33 44");
    }

    @Test
    void aColleagueWithoutARelationCanNeitherOpenNorSaveTheFormAndTheAttemptIsAudited() throws Exception {
        String id = registered(form("010245-1236", "Karen Jensen"));
        mvc.perform(get("/borgere/" + id + "/ret").with(UNRELATED))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("Karen Jensen"))));
        var change = form("010245-1236", "Overtaget");
        change.put("version", version(id));
        submit(post("/borgere/" + id + "/ret"), UNRELATED, change).andExpect(status().isForbidden());

        assertThat(jdbc.sql("SELECT name FROM citizen WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("Karen Jensen");
        assertThat(audited(id)).contains("faellesteam READ REFUSED", "faellesteam UPDATE REFUSED");
    }

    @Test
    void aCitizenLoginCannotRegisterCitizens() throws Exception {
        mvc.perform(get("/borgere/ny").with(httpBasic("borger", "demo"))).andExpect(status().isForbidden());
        submit(post("/borgere/ny"), httpBasic("borger", "demo"), form("010245-1236", "Karen Jensen"))
                .andExpect(status().isForbidden());
        assertThat(citizens.count()).isZero();
    }

    static Map<String, String> form(String cpr, String name) {
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("cpr", cpr);
        form.put("name", name);
        form.put("address", "Vestergade 3");
        form.put("postcode", "7120");
        form.put("district", "VEST");
        form.put("phone", "12 34 56 78");
        form.put("email", "karen@example.dk");
        form.put("livingSituation", "ALONE");
        form.put("language", "arabisk");
        form.put("needsInterpreter", "true");
        form.put("transportNotes", "Kører ikke selv");
        return form;
    }

    private ResultActions submit(MockHttpServletRequestBuilder request, RequestPostProcessor user,
            Map<String, String> form) throws Exception {
        form.forEach(request::param);
        return mvc.perform(request.with(user).with(csrf()));
    }

    private String registered(Map<String, String> form) throws Exception {
        String location = submit(post("/borgere/ny"), NURSE, form)
                .andExpect(redirectedUrlPattern("/borgere/*"))
                .andReturn().getResponse().getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String version(String id) {
        return String.valueOf(jdbc.sql("SELECT version FROM citizen WHERE id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single());
    }

    private void relate(String id, String username) throws Exception {
        mvc.perform(post("/borgere/" + id + "/tilknytninger").with(httpBasic("leder", "demo")).with(csrf())
                        .param("username", username))
                .andExpect(status().is3xxRedirection());
    }

    private java.util.List<String> audited(String id) {
        return jdbc.sql("SELECT username, action, outcome FROM audit_record WHERE citizen_id = :citizen ORDER BY id")
                .param("citizen", UUID.fromString(id))
                .query((rs, n) -> rs.getString("username") + " " + rs.getString("action") + " " + rs.getString("outcome"))
                .list();
    }
}

package dk.brobygger.course;

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
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The JSON API's changes beyond the start (issue 16): a host marks an inquiry contacted, closes one with its outcome
 * and links one to a citizen, saying why; staff put a course on hold and resume or cancel it, move its planned exit,
 * involve a relative (only with the citizen's consent) and record its KL codes, on the page too. Each refuses bad
 * input with a Danish problem, a missing version with 400 and a stale one with 409, and saves nothing then.
 */
@BrobyggerTest
class CourseApiChangesTests {

    static final RequestPostProcessor HOST = httpBasic("vaert", "demo");
    static final String CPR = "120389-4321";

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;
    @Autowired CourseTypes types;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID mikkel;

    @BeforeEach
    void mikkelIsAlreadyTheHostsCitizen() {
        courses.reset();
        citizens.reset();
        mikkel = citizens.registered(CPR, "Mikkel Holm", "vaert");
    }

    ResultActions send(String path, Object id, String body) throws Exception {
        return mvc.perform(post(path, id).with(HOST).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    UUID inquiry() throws Exception {
        String location = mvc.perform(post("/api/inquiries").with(HOST).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"channel": "PHONE", "source": "ANONYMOUS", "wish": "Vil gerne tale med nogen"}
                        """)).andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    UUID course() throws Exception {
        String location = mvc.perform(post("/api/inquiries/{id}/courses", inquiry()).with(HOST)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"version": 0, "citizenId": "%s", "type": "%s", "team": "en-indgang",
                         "plannedExit": "COMMUNITY", "plannedExitTo": "Foreningen Sind", "plannedExitOn": "%s"}
                        """.formatted(mikkel, types.byCode("cti").id(), LocalDate.now(clock).plusWeeks(12))))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    long inquiryVersion(UUID inquiry) {
        return jdbc.sql("SELECT version FROM course_inquiry WHERE id = :id").param("id", inquiry).query(Long.class).single();
    }

    long courseVersion(UUID course) {
        return jdbc.sql("SELECT version FROM course WHERE id = :id").param("id", course).query(Long.class).single();
    }

    @Test
    void aHostMarksAnInquiryContactedAndClosesItWithAdvice() throws Exception {
        UUID inquiry = inquiry();
        send("/api/inquiries/{id}/contacted", inquiry, "{}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("version")));
        send("/api/inquiries/{id}/contacted", inquiry, "{\"version\": 0}").andExpect(status().isOk())
                .andExpect(jsonPath("$.contactedAt").exists()).andExpect(jsonPath("$.closedAt").doesNotExist());

        send("/api/inquiries/{id}/close", inquiry, "{\"version\": 0, \"outcome\": \"ADVICE_GIVEN\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("En anden har ændret henvendelsen")));
        long seen = inquiryVersion(inquiry);
        send("/api/inquiries/{id}/close", inquiry, "{\"version\": %d}".formatted(seen))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Vælg, hvordan henvendelsen sluttede."));
        // A course started closes an inquiry by itself, never by hand.
        send("/api/inquiries/{id}/close", inquiry, "{\"version\": %d, \"outcome\": \"COURSE_STARTED\"}".formatted(seen))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT closed_at FROM course_inquiry WHERE id = :id").param("id", inquiry)
                .query(java.sql.Timestamp.class).optional()).isEmpty();

        send("/api/inquiries/{id}/close", inquiry, """
                {"version": %d, "outcome": "ADVICE_GIVEN", "note": "Fik nummeret til Sind"}
                """.formatted(seen)).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ADVICE_GIVEN"))
                .andExpect(jsonPath("$.outcomeNote").value("Fik nummeret til Sind"))
                .andExpect(jsonPath("$.closedAt").exists());
        send("/api/inquiries/{id}/close", inquiry, "{\"version\": %d, \"outcome\": \"NO_CONTACT\"}"
                .formatted(inquiryVersion(inquiry))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Henvendelsen er allerede afsluttet."));
    }

    @Test
    void aHostLinksAnInquiryToACitizenTheHostWorksWithSayingWhy() throws Exception {
        UUID inquiry = inquiry();
        citizens.registered("010180-1234", "Else Dahl", "hjemmebesog");
        send("/api/inquiries/{id}/link", inquiry, "{\"version\": 0, \"cpr\": \"%s\"}".formatted(CPR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Skriv, hvorfor henvendelsen knyttes til borgeren."));
        send("/api/inquiries/{id}/link", inquiry, """
                {"version": 0, "cpr": "010180-1234", "reason": "Moren ringede om hende"}
                """).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("du arbejder ikke med borgeren")));
        send("/api/inquiries/{id}/link", inquiry, """
                {"version": 0, "cpr": "020202-0202", "reason": "Moren ringede"}
                """).andExpect(status().isBadRequest());
        send("/api/inquiries/{id}/link", inquiry, """
                {"version": 7, "cpr": "%s", "reason": "Moren ringede om ham"}
                """.formatted(CPR)).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_inquiry WHERE citizen_id IS NOT NULL").query(Long.class)
                .single()).isZero();

        send("/api/inquiries/{id}/link", inquiry, """
                {"version": 0, "cpr": "%s", "reason": "Moren ringede om ham"}
                """.formatted(CPR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.citizenId").value(mikkel.toString()))
                .andExpect(jsonPath("$.citizenName").value("Mikkel Holm"));
        assertThat(jdbc.sql("SELECT linked_by || ': ' || link_reason FROM course_inquiry WHERE id = :id")
                .param("id", inquiry).query(String.class).single()).isEqualTo("vaert: Moren ringede om ham");
    }

    @Test
    void aCoursePausesResumesAndIsCancelledOnlyWithAReason() throws Exception {
        UUID course = course();
        send("/api/courses/{id}/status", course, "{\"status\": \"ONHOLD\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("version")));
        send("/api/courses/{id}/status", course, "{\"version\": 0, \"status\": \"ONHOLD\", \"reason\": \"Indlagt\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ONHOLD"));
        send("/api/courses/{id}/status", course, "{\"version\": 0, \"status\": \"ACTIVE\"}")
                .andExpect(status().isConflict());
        send("/api/courses/{id}/status", course, "{\"version\": 1, \"status\": \"FINISHED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Et forløb afsluttes med en udgang."));
        send("/api/courses/{id}/status", course, "{\"version\": 1, \"status\": \"PAUSED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Forløbet kan ikke skifte til den status herfra."));
        send("/api/courses/{id}/status", course, "{\"version\": 1, \"status\": \"ACTIVE\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        send("/api/courses/{id}/status", course, "{\"version\": 2, \"status\": \"CANCELLED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Skriv, hvorfor forløbet annulleres."));
        send("/api/courses/{id}/status", course, """
                {"version": 2, "status": "CANCELLED", "reason": "Flyttet til en anden kommune"}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.endedAt").exists());
        // Cancelling ends the course's work: the task for the planned exit is done.
        assertThat(jdbc.sql("SELECT status FROM followup_task WHERE source_id = :course").param("course", course)
                .query(String.class).list()).containsExactly("DONE");
    }

    @Test
    void thePlannedExitMovesButNotIntoThePast() throws Exception {
        UUID course = course();
        LocalDate later = LocalDate.now(clock).plusWeeks(20);
        send("/api/courses/{id}/planned-exit", course, """
                {"version": 0, "kind": "REGION", "on": "%s"}
                """.formatted(LocalDate.now(clock).minusDays(1))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Den planlagte udgang kan ikke ligge før i dag."));
        send("/api/courses/{id}/planned-exit", course, "{\"version\": 0, \"kind\": \"REGION\"}")
                .andExpect(status().isBadRequest());
        send("/api/courses/{id}/planned-exit", course, """
                {"version": 0, "kind": "MUNICIPAL_SERVICE", "to": "Bostøtten", "on": "%s"}
                """.formatted(later)).andExpect(status().isOk())
                .andExpect(jsonPath("$.plannedExit.kind").value("MUNICIPAL_SERVICE"))
                .andExpect(jsonPath("$.plannedExit.to").value("Bostøtten"))
                .andExpect(jsonPath("$.plannedExit.on").value(later.toString()));
        send("/api/courses/{id}/planned-exit", course, """
                {"version": 0, "kind": "REGION", "on": "%s"}
                """.formatted(later)).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT due_on FROM followup_task WHERE source_id = :course AND status = 'OPEN'")
                .param("course", course).query(LocalDate.class).list()).containsExactly(later);
    }

    @Test
    void aRelativeIsInvolvedOnlyWithTheCitizensConsent() throws Exception {
        UUID course = course();
        send("/api/courses/{id}/relatives", course, "{\"name\": \"Lone Holm\", \"relation\": \"mor\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("samtykke til, at oplysninger deles med pårørende")));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND action = 'SHARE'
                   AND outcome = 'REFUSED'
                """).param("citizen", mikkel).query(Long.class).single()).isEqualTo(1);

        courses.consentToRelatives(mikkel);
        send("/api/courses/{id}/relatives", course, "{\"relation\": \"mor\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Skriv den pårørendes navn."));
        send("/api/courses/{id}/relatives", course, "{\"name\": \"Ida Holm\", \"relation\": \"søster\", \"young\": true}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("Ida Holm"))
                .andExpect(jsonPath("$.young").value(true));
        mvc.perform(get("/api/courses/{id}", course).with(HOST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.relatives[0].relation").value("søster"));
    }

    @Test
    void theKlCodesAreRecordedInJsonAndOnThePageFromTheVersionSeen() throws Exception {
        UUID course = course();
        send("/api/courses/{id}/kl-codes", course, "{\"version\": 0, \"supportNeed\": \"VERY_HIGH\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Vælg et støttebehov")));
        send("/api/courses/{id}/kl-codes", course, "{\"supportNeed\": \"HIGH\"}").andExpect(status().isBadRequest());
        send("/api/courses/{id}/kl-codes", course, "{\"version\": 0, \"supportNeed\": \"HIGH\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.supportNeed").value("HIGH"))
                .andExpect(jsonPath("$.followUpResult").doesNotExist());
        mvc.perform(get("/api/courses").param("citizen", mikkel.toString()).with(HOST))
                .andExpect(jsonPath("$[0].supportNeed").value("HIGH"));

        // On the page: the form carries the version it was shown with; a stale one is refused in Danish.
        mvc.perform(post("/forloeb/{id}/kl", course).with(HOST).with(csrf()).param("version", "0")
                .param("stoettebehov", "LIGHT").param("resultat", "ENDS")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("En anden har ændret forløbet")));
        mvc.perform(post("/forloeb/{id}/kl", course).with(HOST).with(csrf()).param("version", "1")
                .param("stoettebehov", "LIGHT").param("resultat", "REVISITATION"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/forloeb/{id}", course).with(HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Revisitation")))
                .andExpect(content().string(containsString("Støttebehov (FFB)")));
        assertThat(jdbc.sql("SELECT support_need || '/' || follow_up_result FROM course WHERE id = :id")
                .param("id", course).query(String.class).single()).isEqualTo("LIGHT/REVISITATION");

        send("/api/courses/{id}/kl-codes", course, "{\"version\": 2}").andExpect(status().isOk())
                .andExpect(jsonPath("$.supportNeed").doesNotExist());
    }

    @Test
    void theNewEndpointsAreDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/inquiries/{id}/contacted'].post").exists())
                .andExpect(jsonPath("$.paths['/api/inquiries/{id}/close'].post").exists())
                .andExpect(jsonPath("$.paths['/api/inquiries/{id}/link'].post").exists())
                .andExpect(jsonPath("$.paths['/api/courses/{id}/status'].post.summary")
                        .value(containsString("FINISHED kun med en udgang")))
                .andExpect(jsonPath("$.paths['/api/courses/{id}/planned-exit'].post").exists())
                .andExpect(jsonPath("$.paths['/api/courses/{id}/relatives'].post.summary")
                        .value(containsString("samtykke")))
                .andExpect(jsonPath("$.paths['/api/courses/{id}/kl-codes'].post").exists());
    }
}

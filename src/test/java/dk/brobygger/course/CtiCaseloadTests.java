package dk.brobygger.course;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * CTI caseload (issue 16, DOMAIN.md §5: about 20 citizens per worker): the 21st open CTI course starts, with a
 * warning, and the worker's caseload shows on the course page, the start form and the board; handing a course to a
 * colleague already at the limit hands it over, with the same warning, and the exit task follows.
 */
@BrobyggerTest
class CtiCaseloadTests {

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;
    @Autowired CourseTypes types;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID mikkel;

    @BeforeEach
    void theHostAlreadyHoldsTwentyCtiCourses() {
        courses.reset();
        citizens.reset();
        mikkel = citizens.registered(CourseTests.CPR, "Mikkel Holm", "hjemmebesog");
        citizens.registered("010190-1234", "Anna Berg", "hjemmebesog");
        var now = Timestamp.from(clock.instant());
        for (int i = 0; i < 20; i++) {
            jdbc.sql("""
                    INSERT INTO course (id, citizen_id, type_id, team, responsible, status, phase, phase_started_on,
                                        started_at, planned_exit, planned_exit_on, version, created_by, created_at,
                                        updated_by, updated_at)
                    VALUES (:id, :citizen, :type, 'en-indgang', 'vaert', :status, 0, CURRENT_DATE, :now, 'COMMUNITY',
                            CURRENT_DATE, 0, 'vaert', :now, 'vaert', :now)
                    """).param("id", UUID.randomUUID()).param("citizen", mikkel).param("type", types.byCode("cti").id())
                    .param("status", i == 19 ? "FINISHED" : "ACTIVE").param("now", now).update();
        }
    }

    @Test
    void theTwentyFirstCtiCourseStartsWithAWarningAndTheCaseloadShows() throws Exception {
        UUID first = CourseCorrectionTests.start(mvc, jdbc, types, clock, "cti", "010190-1234");
        mvc.perform(get("/forloeb/{id}", first).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("20 åbne CTI-forløb (anbefalet højst cirka 20)")))
                .andExpect(content().string(not(containsString("Over det anbefalede"))));

        jdbc.sql("UPDATE course SET status = 'ACTIVE' WHERE status = 'FINISHED'").update();
        String inquiry = mvc.perform(post("/indgang").with(CourseTests.HOST).with(csrf()).param("hvem", "CITIZEN")
                .param("kanal", "PHONE").param("oensker", "Har brug for hjælp efter udskrivning"))
                .andReturn().getResponse().getRedirectedUrl();
        UUID inquiryId = UUID.fromString(inquiry.substring(inquiry.lastIndexOf('/') + 1));
        mvc.perform(post("/indgang/henvendelser/{id}/cpr", inquiryId).with(CourseTests.HOST).with(csrf())
                .param("cpr", CourseTests.CPR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Et CTI-forløb mere bringer dig over")));
        mvc.perform(get("/indgang").with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Du har 21 åbne CTI-forløb")))
                .andExpect(content().string(containsString("Over det anbefalede")));

        // A second CTI course for Anna is refused as a duplicate; a peer support course is no CTI course: no warning.
        UUID peer = CourseCorrectionTests.start(mvc, jdbc, types, clock, "peerstoette", "010190-1234");
        mvc.perform(get("/forloeb/{id}", peer).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("CTI-sagsstamme"))));
    }

    @Test
    void startingPastTheLimitWarnsButDoesNotRefuse() throws Exception {
        jdbc.sql("UPDATE course SET status = 'ACTIVE' WHERE status = 'FINISHED'").update();
        String location = mvc.perform(post("/indgang").with(CourseTests.HOST).with(csrf()).param("hvem", "CITIZEN")
                .param("kanal", "PHONE").param("oensker", "Vil gerne have hjælp"))
                .andReturn().getResponse().getRedirectedUrl();
        UUID inquiry = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        long version = jdbc.sql("SELECT version FROM course_inquiry WHERE id = :id").param("id", inquiry)
                .query(Long.class).single();
        mvc.perform(post("/indgang/henvendelser/{id}/forloeb", inquiry).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version)).param("cpr", "010190-1234")
                .param("type", types.byCode("cti").id().toString()).param("team", "en-indgang")
                .param("status", "ACTIVE").param("udgang", "NO_MORE_HELP")
                .param("dato", LocalDate.now(clock).plusWeeks(40).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("caseloadWarning"));
    }

    @Test
    void handingACourseToAColleagueAtTheLimitWarnsAndTheExitTaskFollows() throws Exception {
        jdbc.sql("UPDATE course SET responsible = 'peervaert', status = 'ACTIVE'").update();
        UUID course = CourseCorrectionTests.start(mvc, jdbc, types, clock, "cti", "010190-1234");
        long version = jdbc.sql("SELECT version FROM course WHERE id = :id").param("id", course).query(Long.class).single();
        mvc.perform(post("/forloeb/{id}/ansvarlig", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version)).param("ansvarlig", "hjemmebesog"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("kun gives videre til en kollega i forløbets team")));
        mvc.perform(post("/forloeb/{id}/ansvarlig", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version)).param("ansvarlig", "peervaert")
                .param("begrundelse", "Pernille kender familien"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("caseloadWarning"));
        mvc.perform(post("/forloeb/{id}/ansvarlig", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version)).param("ansvarlig", "vaert"))
                .andExpect(status().isConflict());
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT responsible FROM course WHERE id = :id")
                .param("id", course).query(String.class).single()).isEqualTo("peervaert");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                SELECT assignee FROM followup_task WHERE source_kind = 'course.exit' AND source_id = :id
                """).param("id", course).query(String.class).single()).isEqualTo("peervaert");
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ansvarlig: Vera Vært → Pernille Peervært")))
                .andExpect(content().string(containsString("Pernille Peervært: 21 åbne CTI-forløb")))
                .andExpect(content().string(containsString("Pernille kender familien")));
    }
}

package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.shared.DanishTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rule "the planned intensity was kept" is written twice, in Java for the course page ({@link Courses#fidelity})
 * and in SQL for the statistics (course_intensity_view, V222): for courses run through the course pages, with
 * contacts before the start, several phases, a pause, an exit and no time yet, both give the same verdicts.
 */
@BrobyggerTest
class CourseIntensityViewTests {

    static final RequestPostProcessor HOST = httpBasic("vaert", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;
    @Autowired CourseTypes types;
    @Autowired CourseRepository repository;
    @Autowired Courses service;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    int serial;

    @BeforeEach
    void noCourses() {
        courses.reset();
        citizens.reset();
    }

    UUID start(String type) throws Exception {
        String cpr = "0103" + "85" + "-4" + String.format("%03d", ++serial);
        citizens.registered(cpr, "Borger " + serial, "hjemmebesog");
        String location = mvc.perform(post("/indgang").with(HOST).with(csrf()).param("hvem", "CITIZEN")
                .param("kanal", "PHONE").param("oensker", "Vil gerne have hjælp"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID inquiry = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        long version = jdbc.sql("SELECT version FROM course_inquiry WHERE id = :id").param("id", inquiry)
                .query(Long.class).single();
        location = mvc.perform(post("/indgang/henvendelser/{id}/forloeb", inquiry).with(HOST).with(csrf())
                .param("version", String.valueOf(version)).param("cpr", cpr)
                .param("type", types.byCode(type).id().toString()).param("team", "en-indgang")
                .param("status", "ACTIVE").param("udgang", "COMMUNITY").param("til", "Foreningen Sind")
                .param("dato", LocalDate.now(clock).plusWeeks(12).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    void contacts(UUID course, int how, LocalDateTime at) throws Exception {
        for (int i = 0; i < how; i++) {
            mvc.perform(post("/forloeb/{id}/kontakt", course).with(HOST).with(csrf()).param("slags", "PHONE")
                    .param("minutter", "20").param("tid", at.truncatedTo(ChronoUnit.MINUTES).toString()))
                    .andExpect(status().is3xxRedirection());
        }
    }

    /** Contacts recorded as happening now (no time typed). */
    void contactsNow(UUID course, int how) throws Exception {
        for (int i = 0; i < how; i++) {
            mvc.perform(post("/forloeb/{id}/kontakt", course).with(HOST).with(csrf()).param("slags", "PHONE")
                    .param("minutter", "20")).andExpect(status().is3xxRedirection());
        }
    }

    void change(UUID course, String what, String... params) throws Exception {
        mvc.perform(courses.change(course, what, params).with(HOST).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    /** judged and kept phases as the view gives them. */
    long[] view(UUID course) {
        return jdbc.sql("SELECT judged_phases, kept_phases FROM course_intensity_view WHERE course_id = :id")
                .param("id", course).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** judged and kept phases as the course page gives them. */
    long[] java(UUID course) {
        var found = repository.find(new CourseId(course)).orElseThrow();
        var fidelity = Courses.fidelity(found, types.get(found.typeId()), service.contacts(found.id()), Instant.now());
        return new long[] {fidelity.stream().filter(phase -> phase.kept() != null).count(),
                fidelity.stream().filter(phase -> Boolean.TRUE.equals(phase.kept())).count()};
    }

    @Test
    void theViewJudgesEveryCourseAsTheCoursePageDoes() throws Exception {
        // One contact in the course and one the day before it started, in two weeks: one a week, kept.
        UUID beforeStart = start("kort-forloeb");
        contacts(beforeStart, 1, LocalDateTime.now(clock.withZone(DanishTime.ZONE)).minusHours(20));
        contactsNow(beforeStart, 1);
        courses.backdate(beforeStart, 14);

        // One contact in three weeks where one a week is planned: not kept.
        UUID tooFew = start("kort-forloeb");
        contactsNow(tooFew, 1);
        courses.backdate(tooFew, 21);

        // CTI: four weeks of weekly contact (kept), then two weeks in transition with one contact (not), then a pause.
        UUID twoPhases = start("cti");
        contactsNow(twoPhases, 4);
        courses.backdate(twoPhases, 28);
        change(twoPhases, "fase", "fase", "1");
        contactsNow(twoPhases, 1);
        courses.backdate(twoPhases, 14);
        change(twoPhases, "status", "status", "ONHOLD", "begrundelse", "Ferie");

        // Kept for two weeks, then ended by its exit: the time after the exit does not count.
        UUID exited = start("kort-forloeb");
        contactsNow(exited, 2);
        courses.backdate(exited, 14);
        change(exited, "udgang", "udgang", "COMMUNITY", "til", "Foreningen Sind", "dato",
                LocalDate.now(clock.withZone(DanishTime.ZONE)).toString(), "enig", "true");

        // Started just now: nothing to judge yet.
        UUID justStarted = start("cti");

        assertThat(view(beforeStart)).containsExactly(1, 1);
        assertThat(view(tooFew)).containsExactly(1, 0);
        assertThat(view(twoPhases)).containsExactly(2, 1);
        assertThat(view(exited)).containsExactly(1, 1);
        assertThat(view(justStarted)).containsExactly(0, 0);
        for (UUID course : new UUID[] {beforeStart, tooFew, twoPhases, exited, justStarted}) {
            assertThat(view(course)).as("course %s", course).containsExactly(java(Objects.requireNonNull(course)));
        }
    }
}

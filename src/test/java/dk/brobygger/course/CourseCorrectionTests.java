package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * Corrections on a course (issue 16): a contact corrected or removed as entered in error with a reason, a relative's
 * involvement changed; each kept with who and when on the course page, and a correction from an old version answered
 * with a conflict in Danish.
 */
@BrobyggerTest
class CourseCorrectionTests {

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;
    @Autowired CourseTypes types;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID mikkel;
    UUID course;

    @BeforeEach
    void aCourseWithOneContact() throws Exception {
        courses.reset();
        citizens.reset();
        mikkel = citizens.registered(CourseTests.CPR, "Mikkel Holm", "hjemmebesog");
        course = start(mvc, jdbc, types, clock, "kort-forloeb");
        mvc.perform(post("/forloeb/{id}/kontakt", course).with(CourseTests.HOST).with(csrf()).param("slags", "PHONE")
                .param("minutter", "30").param("note", "Ringede om gruppen")).andExpect(status().is3xxRedirection());
    }

    /** A relative phones Én indgang and the host starts a course of this type for Mikkel the same day. */
    static UUID start(MockMvc mvc, JdbcClient jdbc, CourseTypes types, Clock clock, String type) throws Exception {
        return start(mvc, jdbc, types, clock, type, CourseTests.CPR);
    }

    /** The same for the citizen with this CPR number. */
    static UUID start(MockMvc mvc, JdbcClient jdbc, CourseTypes types, Clock clock, String type, String cpr)
            throws Exception {
        String location = mvc.perform(post("/indgang").with(CourseTests.HOST).with(csrf()).param("hvem", "RELATIVE")
                .param("kanal", "PHONE").param("oensker", "Vil gerne have hjælp").param("hast", "TODAY")
                .param("ved", "KNOWS_AND_AGREES"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID inquiry = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        long version = jdbc.sql("SELECT version FROM course_inquiry WHERE id = :id").param("id", inquiry)
                .query(Long.class).single();
        location = mvc.perform(post("/indgang/henvendelser/{id}/forloeb", inquiry).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version)).param("cpr", cpr)
                .param("type", types.byCode(type).id().toString()).param("team", "en-indgang").param("status", "ACTIVE")
                .param("udgang", "COMMUNITY").param("til", "Foreningen Sind")
                .param("dato", LocalDate.now(clock).plusWeeks(12).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    UUID contact() {
        return jdbc.sql("SELECT id FROM course_contact WHERE course_id = :c").param("c", course).query(UUID.class).single();
    }

    long version(String table, UUID id) {
        return jdbc.sql("SELECT version FROM " + table + " WHERE id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void aContactIsCorrectedAndTheCorrectionIsKeptWithWhoAndWhen() throws Exception {
        UUID contact = contact();
        // The course started today in Danish time; the contact happened this morning (a Danish date, also near midnight UTC).
        String at = LocalDate.now(clock.withZone(dk.brobygger.shared.DanishTime.ZONE)) + "T00:00";
        mvc.perform(post("/forloeb/{id}/kontakter/{c}/ret", course, contact).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version("course_contact", contact))).param("slags", "HOME_VISIT")
                .param("tid", at).param("minutter", "45").param("note", "Ringede om gruppen")
                .param("begrundelse", "Det var et hjemmebesøg"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT kind || ' ' || minutes FROM course_contact WHERE id = :id").param("id", contact)
                .query(String.class).single()).isEqualTo("HOME_VISIT 45");
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Rettelser")))
                .andExpect(content().string(containsString("Slags: Telefon → Hjemmebesøg")))
                .andExpect(content().string(containsString("Minutter: 30 → 45")))
                .andExpect(content().string(containsString("– Det var et hjemmebesøg")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_entry_change WHERE entry_id = :id AND changed_by = 'vaert'")
                .param("id", contact).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void eachContactIsCorrectedOnItsOwnPageAndARefusedCorrectionKeepsWhatWasTyped() throws Exception {
        UUID contact = contact();
        // The course page links to the contact's page instead of carrying its forms.
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/forloeb/" + course + "/kontakter/" + contact)))
                .andExpect(content().string(not(containsString("class=\"ret-kontakt\""))));
        mvc.perform(get("/forloeb/{id}/kontakter/{c}", course, contact).with(CourseTests.HOST))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ret en kontakt")))
                .andExpect(content().string(containsString("Ringede om gruppen")))
                .andExpect(content().string(containsString("/forloeb/" + course + "/kontakter/" + contact + "/ret")))
                .andExpect(content().string(containsString("/forloeb/" + course + "/kontakter/" + contact + "/fjern")));
        mvc.perform(post("/forloeb/{id}/kontakter/{c}/ret", course, contact).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version("course_contact", contact))).param("slags", "VIDEO")
                .param("minutter", "9000").param("hvem", "Vera og Jonas"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ret en kontakt")))
                .andExpect(content().string(containsString("value=\"9000\"")))
                .andExpect(content().string(containsString("value=\"Vera og Jonas\"")));
        assertThat(jdbc.sql("SELECT kind || ' ' || minutes FROM course_contact WHERE id = :id").param("id", contact)
                .query(String.class).single()).isEqualTo("PHONE 30");
        // Another course's contact, or none, is not found under this course.
        mvc.perform(get("/forloeb/{id}/kontakter/{c}", course, UUID.randomUUID()).with(CourseTests.HOST))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEndedCoursesContactsAreNoLongerOpenToTheTeamWhoseAccessEndedWithIt() throws Exception {
        UUID contact = contact();
        mvc.perform(get("/forloeb/{id}/kontakter/{c}", course, contact).with(CourseTests.HOST))
                .andExpect(status().isOk());
        mvc.perform(courses.change(course, "udgang", "udgang", "COMMUNITY", "til", "Foreningen Sind", "dato",
                LocalDate.now(clock.withZone(dk.brobygger.shared.DanishTime.ZONE)).toString(), "enig", "true")
                .with(CourseTests.HOST).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/forloeb/{id}/kontakter/{c}", course, contact).with(CourseTests.HOST))
                .andExpect(status().isForbidden());
        mvc.perform(post("/forloeb/{id}/kontakter/{c}/fjern", course, contact).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version("course_contact", contact))).param("begrundelse", "Fejl"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT removed_at FROM course_contact WHERE id = :id").param("id", contact)
                .query(java.sql.Timestamp.class).optional()).isEmpty();
    }

    @Test
    void aCorrectionFromAnOldVersionIsAConflictAndNothingIsOverwritten() throws Exception {
        UUID contact = contact();
        long seen = version("course_contact", contact);
        mvc.perform(post("/forloeb/{id}/kontakter/{c}/ret", course, contact).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(seen)).param("slags", "VIDEO").param("minutter", "20"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/forloeb/{id}/kontakter/{c}/ret", course, contact).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(seen)).param("slags", "GROUP").param("minutter", "90"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("En anden har rettet kontakten i mellemtiden")));
        mvc.perform(post("/forloeb/{id}/kontakter/{c}/fjern", course, contact).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(seen)).param("begrundelse", "Forkert borger"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT kind || ' ' || minutes FROM course_contact WHERE id = :id").param("id", contact)
                .query(String.class).single()).isEqualTo("VIDEO 20");
    }

    @Test
    void aContactEnteredInErrorIsRemovedOnlyWithAReasonAndNoLongerCounts() throws Exception {
        UUID contact = contact();
        mvc.perform(post("/forloeb/{id}/kontakter/{c}/fjern", course, contact).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version("course_contact", contact))).param("begrundelse", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv, hvorfor kontakten er fejlregistreret.")));
        mvc.perform(post("/forloeb/{id}/kontakter/{c}/fjern", course, contact).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version("course_contact", contact)))
                .param("begrundelse", "Registreret på den forkerte borger"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kontakter (0)")))
                .andExpect(content().string(containsString("Kontakt fjernet som fejlregistreret")))
                .andExpect(content().string(containsString("Registreret på den forkerte borger")))
                .andExpect(content().string(not(containsString("Ringede om gruppen"))));
        assertThat(jdbc.sql("SELECT removed_by FROM course_contact WHERE id = :id").param("id", contact)
                .query(String.class).single()).isEqualTo("vaert");
    }

    @Test
    void aRelativesInvolvementChangesAndEndsOnlyWithAReason() throws Exception {
        courses.consentToRelatives(mikkel);
        mvc.perform(post("/forloeb/{id}/paaroerende", course).with(CourseTests.HOST).with(csrf())
                .param("navn", "Lone Holm").param("relation", "mor")).andExpect(status().is3xxRedirection());
        UUID lone = jdbc.sql("SELECT id FROM course_relative WHERE course_id = :c").param("c", course)
                .query(UUID.class).single();
        mvc.perform(post("/forloeb/{id}/paaroerende/{r}/inddragelse", course, lone).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version("course_relative", lone))).param("inddragelse", "INFORMED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/forloeb/{id}/paaroerende/{r}/inddragelse", course, lone).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version("course_relative", lone))).param("inddragelse", "ENDED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv, hvorfor den pårørende ikke længere er inddraget.")));
        mvc.perform(post("/forloeb/{id}/paaroerende/{r}/inddragelse", course, lone).with(CourseTests.HOST).with(csrf())
                .param("version", "0").param("inddragelse", "INVOLVED"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("En anden har ændret den pårørendes inddragelse")));
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Lone Holm (mor)")))
                .andExpect(content().string(containsString("Lone Holm:")))
                .andExpect(content().string(containsString("Inddraget i forløbet → Holdes orienteret")));
    }
}

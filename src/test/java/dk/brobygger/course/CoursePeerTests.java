package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.referral.TestAccompaniment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The peer host chosen among module referral's peers (issue 16): a peer who may be asked today is offered on the
 * start form, becomes the course's peer host and is shown as the register's peer; a volunteer without lived
 * experience is not offered, and a type without a peer host refuses one.
 */
@BrobyggerTest
@org.springframework.modulith.test.EnableScenarios
class CoursePeerTests {

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;
    @Autowired TestAccompaniment volunteers;
    @Autowired CourseTypes types;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID jonas;
    UUID inquiry;

    @BeforeEach
    void jonasIsAPeerAndBirgitAVolunteer() throws Exception {
        courses.reset();
        citizens.reset();
        volunteers.reset();
        jonas = volunteers.volunteer("Jonas Kjær Mikkelsen", "7100", true, null);
        volunteers.volunteer("Birgit Holm Sørensen", "7100", false, null);
        citizens.registered(CourseTests.CPR, "Mikkel Holm", "hjemmebesog");
        String location = mvc.perform(post("/indgang").with(CourseTests.HOST).with(csrf()).param("hvem", "CITIZEN")
                .param("kanal", "PHONE").param("oensker", "Vil gerne tale med en, der selv har prøvet det"))
                .andReturn().getResponse().getRedirectedUrl();
        inquiry = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    MockHttpServletRequestBuilder start(String type, String peer) {
        long version = jdbc.sql("SELECT version FROM course_inquiry WHERE id = :id").param("id", inquiry)
                .query(Long.class).single();
        return post("/indgang/henvendelser/{id}/forloeb", inquiry).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version)).param("cpr", CourseTests.CPR)
                .param("type", types.byCode(type).id().toString()).param("team", "en-indgang").param("status", "ACTIVE")
                .param("udgang", "COMMUNITY").param("til", "Foreningen Sind")
                .param("dato", LocalDate.now(clock).plusWeeks(12).toString()).param("peerFrivillig", peer);
    }

    @Test
    void thePeerIsChosenFromTheRegisterAndShownOnTheCourse() throws Exception {
        mvc.perform(post("/indgang/henvendelser/{id}/cpr", inquiry).with(CourseTests.HOST).with(csrf())
                .param("cpr", CourseTests.CPR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jonas Kjær Mikkelsen")))
                .andExpect(content().string(not(containsString("Birgit Holm Sørensen"))));

        mvc.perform(start("integreret-indsats", jonas.toString())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("tilbyder ikke en peervært")));
        String location = mvc.perform(start("peerstoette", jonas.toString())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        UUID course = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT peer_host FROM course WHERE id = :id").param("id", course).query(String.class)
                .single()).isEqualTo("Jonas Kjær Mikkelsen");
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jonas Kjær Mikkelsen")))
                .andExpect(content().string(containsString("/frivillige/" + jonas)));
    }

    @Test
    void aVolunteerWhoIsNoPeerCannotBeChosen() throws Exception {
        UUID birgit = jdbc.sql("SELECT id FROM volunteer WHERE peer = FALSE").query(UUID.class).single();
        mvc.perform(start("peerstoette", birgit.toString())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Den valgte peer kan ikke spørges nu.")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course").query(Long.class).single()).isZero();
    }

    @Test
    void aPeerWhoseDataWentIsNoLongerNamedOnTheCourse(org.springframework.modulith.test.Scenario scenario)
            throws Exception {
        String location = mvc.perform(start("peerstoette", jonas.toString())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        UUID course = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        scenario.publish(new dk.brobygger.referral.VolunteerAnonymised(jonas, "Tidligere frivillig"))
                .andWaitForStateChange(() -> jdbc.sql("SELECT peer_host FROM course WHERE id = :id").param("id", course)
                        .query(String.class).single(), name -> name.equals("Tidligere frivillig"))
                .andVerify(name -> assertThat(name).isEqualTo("Tidligere frivillig"));
    }

    @Test
    void thePeerHostChangesOnTheCourseAndTheChangeIsKept() throws Exception {
        String location = mvc.perform(start("peerstoette", jonas.toString())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        UUID course = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        long version = jdbc.sql("SELECT version FROM course WHERE id = :id").param("id", course).query(Long.class).single();
        mvc.perform(post("/forloeb/{id}/peer", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version)).param("peerFrivillig", "").param("peer", "Anna Berg"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/forloeb/{id}/peer", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version)).param("peerFrivillig", jonas.toString()))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_peer_volunteer WHERE course_id = :id").param("id", course)
                .query(Long.class).single()).isZero();
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Peervært: Jonas Kjær Mikkelsen → Anna Berg")))
                .andExpect(content().string(not(containsString("/frivillige/" + jonas + "\""))));
        mvc.perform(post("/forloeb/{id}/peer", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version + 1)).param("peerFrivillig", jonas.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT volunteer_id FROM course_peer_volunteer WHERE course_id = :id").param("id", course)
                .query(UUID.class).single()).isEqualTo(jonas);
    }

    @Test
    void theCourseAndItsLinkToThePeerAreSavedTogetherOrNotAtAll() throws Exception {
        // The database refuses the link to Jonas, as any failing write of it would: the course must not stand with
        // his name but without knowing which volunteer he is, and the inquiry must still wait for its course.
        jdbc.sql("ALTER TABLE course_peer_volunteer ADD CONSTRAINT refuses_jonas CHECK (volunteer_id <> '" + jonas
                + "')").update();
        try {
            assertThatThrownBy(() -> mvc.perform(start("peerstoette", jonas.toString())))
                    .hasRootCauseInstanceOf(SQLException.class);
        } finally {
            jdbc.sql("ALTER TABLE course_peer_volunteer DROP CONSTRAINT refuses_jonas").update();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT outcome FROM course_inquiry WHERE id = :id").param("id", inquiry)
                .query(String.class).optional()).isEmpty();

        // Once the link can be written, the same start succeeds: the course and its peer together.
        String location = mvc.perform(start("peerstoette", jonas.toString())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        UUID course = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT volunteer_id FROM course_peer_volunteer WHERE course_id = :id").param("id", course)
                .query(UUID.class).single()).isEqualTo(jonas);
    }
}

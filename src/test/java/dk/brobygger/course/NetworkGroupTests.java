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
 * Youth advisory (12–25, issue 16): parents and siblings are offered a network group; the course records who was
 * offered one, joined or declined, kept with who and when; other course types offer none.
 */
@BrobyggerTest
class NetworkGroupTests {

    static final String YOUNG_CPR;

    static {
        // Sofie turns 17 this year.
        int year = (LocalDate.now().getYear() - 17) % 100;
        YOUNG_CPR = String.format("0103%02d-4322", year);
    }

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;
    @Autowired CourseTypes types;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID sofie;

    @BeforeEach
    void sofieIsSeventeenAndConsentsToHerParentsTakingPart() {
        courses.reset();
        citizens.reset();
        sofie = citizens.registered(YOUNG_CPR, "Sofie Lund", "hjemmebesog");
        courses.consentToRelatives(sofie);
    }

    UUID relative(UUID course, String name, String relation) throws Exception {
        mvc.perform(post("/forloeb/{id}/paaroerende", course).with(CourseTests.HOST).with(csrf()).param("navn", name)
                .param("relation", relation)).andExpect(status().is3xxRedirection());
        return jdbc.sql("SELECT id FROM course_relative WHERE course_id = :c AND name = :n").param("c", course)
                .param("n", name).query(UUID.class).single();
    }

    long version(UUID relative) {
        return jdbc.sql("SELECT version FROM course_relative WHERE id = :id").param("id", relative).query(Long.class)
                .single();
    }

    @Test
    void parentsAndSiblingsAreOfferedANetworkGroupAndWhoJoinedIsKept() throws Exception {
        UUID course = CourseCorrectionTests.start(mvc, jdbc, types, clock, "ungeraadgivning", YOUNG_CPR);
        UUID mother = relative(course, "Lene Lund", "mor");
        UUID brother = relative(course, "Oskar Lund", "bror, 14 år");
        mvc.perform(post("/forloeb/{id}/paaroerende/{r}/netvaerksgruppe", course, mother).with(CourseTests.HOST)
                .with(csrf()).param("version", String.valueOf(version(mother))).param("netvaerksgruppe", "OFFERED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/forloeb/{id}/paaroerende/{r}/netvaerksgruppe", course, mother).with(CourseTests.HOST)
                .with(csrf()).param("version", String.valueOf(version(mother))).param("netvaerksgruppe", "JOINED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/forloeb/{id}/paaroerende/{r}/netvaerksgruppe", course, brother).with(CourseTests.HOST)
                .with(csrf()).param("version", String.valueOf(version(brother))).param("netvaerksgruppe", "DECLINED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/forloeb/{id}/paaroerende/{r}/netvaerksgruppe", course, brother).with(CourseTests.HOST)
                .with(csrf()).param("version", "0").param("netvaerksgruppe", "JOINED"))
                .andExpect(status().isConflict());

        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Netværksgruppe: 2 tilbudt, 1 deltager, 1 sagt nej tak")))
                .andExpect(content().string(containsString("Netværksgruppe: Tilbudt → Deltager")));
        assertThat(jdbc.sql("SELECT network_group FROM course_relative WHERE id = :id").param("id", mother)
                .query(String.class).single()).isEqualTo("JOINED");
    }

    @Test
    void otherCourseTypesOfferNoNetworkGroup() throws Exception {
        UUID course = CourseCorrectionTests.start(mvc, jdbc, types, clock, "kort-forloeb", YOUNG_CPR);
        UUID mother = relative(course, "Lene Lund", "mor");
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Netværksgruppe"))));
        mvc.perform(post("/forloeb/{id}/paaroerende/{r}/netvaerksgruppe", course, mother).with(CourseTests.HOST)
                .with(csrf()).param("version", String.valueOf(version(mother))).param("netvaerksgruppe", "OFFERED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("tilbyder ikke pårørende en netværksgruppe")));
    }
}

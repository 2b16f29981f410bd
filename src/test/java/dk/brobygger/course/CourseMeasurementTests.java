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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The course type's instrument at baseline and follow-up (issue 16): asked on the course, recorded among the
 * citizen's scores by module outcome, shown side by side with the change; the follow-up only after the baseline,
 * each once; a type without an instrument offers none.
 */
@BrobyggerTest
class CourseMeasurementTests {

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;
    @Autowired CourseTypes types;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID mikkel;

    @BeforeEach
    void mikkel() {
        courses.reset();
        citizens.reset();
        mikkel = citizens.registered(CourseTests.CPR, "Mikkel Holm", "hjemmebesog");
    }

    MockHttpServletRequestBuilder answer(UUID course, String moment, int... values) {
        return post("/forloeb/{id}/maaling/" + moment, course).with(CourseTests.HOST).with(csrf())
                .param("svar.savner-samvaer", String.valueOf(values[0]))
                .param("svar.holdt-udenfor", String.valueOf(values[1]))
                .param("svar.isoleret", String.valueOf(values[2])).param("dato", LocalDate.now(clock).toString());
    }

    @Test
    void theBaselineAndTheFollowUpAreRecordedAsScoresAndShownSideBySide() throws Exception {
        UUID course = CourseCorrectionTests.start(mvc, jdbc, types, clock, "kort-forloeb");
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Målinger: UCLA")))
                .andExpect(content().string(containsString("Ikke målt endnu")))
                .andExpect(content().string(containsString("/forloeb/" + course + "/maaling/baseline")));
        mvc.perform(get("/forloeb/{id}/maaling/baseline", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Baselinemåling")));

        mvc.perform(answer(course, "opfoelgning", 1, 1, 1)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Registrér baselinemålingen først.")));
        mvc.perform(answer(course, "baseline", 3, 3, 2)).andExpect(status().is3xxRedirection());
        mvc.perform(answer(course, "baseline", 1, 1, 1)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("allerede registreret")));
        mvc.perform(answer(course, "opfoelgning", 1, 2, 1)).andExpect(status().is3xxRedirection());

        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"baseline-score\">8")))
                .andExpect(content().string(containsString("id=\"opfoelgning-score\">4")))
                .andExpect(content().string(containsString("Ændring fra baseline til opfølgning: -4")));
        // Kept by module outcome among the citizen's scores, with the instrument version and where it was asked.
        mvc.perform(get("/borgere/{id}/maalinger", mikkel).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Én indgang: Kort forløb i Én indgang – baseline")));
    }

    @Test
    void aTypeWithoutAnInstrumentAsksNone() throws Exception {
        UUID course = CourseCorrectionTests.start(mvc, jdbc, types, clock, "integreret-indsats");
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Målinger:"))));
        mvc.perform(answer(course, "baseline", 1, 1, 1)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Forløbstypen har ingen måling.")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_measurement").query(Long.class).single()).isZero();
    }
}

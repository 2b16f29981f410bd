package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import dk.brobygger.directory.TestDirectory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An exit to a community linked to the directory (issue 16): the host finds the offer in the portal from the course,
 * "Henvis" opens the referral form with the offer and the citizen, and the exit keeps the offer's id and name. The
 * planned exit may name its offer too (on the page and through the API): the course shows it with a link to its
 * card, the exit proposes it, and an offer that has left the portal is named as gone and no longer proposed.
 */
@BrobyggerTest
class CourseExitOfferTests {

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;
    @Autowired TestDirectory directory;
    @Autowired CourseTypes types;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired CourseContribution contribution;

    UUID mikkel;
    UUID knitting;

    @BeforeEach
    void aKnittingClubInThePortal() {
        courses.reset();
        citizens.reset();
        directory.reset();
        var association = directory.organization("Fjordlund Frivillighus");
        knitting = directory.offer(directory.location(association, "Vestergade 9", "7120", "VEST", 55.7004, 9.4705, true),
                "Strikkeklubben").category("kreativ").description("Vi strikker og drikker kaffe.").save().id();
        mikkel = citizens.registered(CourseTests.CPR, "Mikkel Holm", "hjemmebesog");
    }

    @Test
    void theHostFindsTheOfferRefersTheCitizenAndTheExitKeepsTheOffer() throws Exception {
        UUID course = CourseCorrectionTests.start(mvc, jdbc, types, clock, "kort-forloeb");
        mvc.perform(get("/forloeb/{id}", course).param("tilbudsord", "strik").with(CourseTests.HOST))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Strikkeklubben")))
                .andExpect(content().string(containsString(
                        "/borgere/" + mikkel + "/henvisninger/ny?tilbud=" + knitting + "&amp;fra=COURSE")));
        mvc.perform(get("/borgere/{id}/henvisninger/ny", mikkel).param("tilbud", knitting.toString())
                .param("fra", "COURSE").with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Strikkeklubben")));

        long version = jdbc.sql("SELECT version FROM course WHERE id = :id").param("id", course).query(Long.class).single();
        mvc.perform(post("/forloeb/{id}/udgang", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version)).param("udgang", "REGION").param("til", "F-ACT")
                .param("tilbud", knitting.toString()).param("tilbudsord", "strik")
                .param("dato", LocalDate.now(clock).toString()).param("enig", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("kan kun vælges ved udgang til et fællesskab")));
        mvc.perform(post("/forloeb/{id}/udgang", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version)).param("udgang", "COMMUNITY").param("til", "")
                .param("tilbud", knitting.toString()).param("dato", LocalDate.now(clock).toString()).param("enig", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT exit_to FROM course WHERE id = :id").param("id", course).query(String.class).single())
                .isEqualTo("Strikkeklubben");
        assertThat(jdbc.sql("SELECT offer_id FROM course_exit_offer WHERE course_id = :id").param("id", course)
                .query(UUID.class).single()).isEqualTo(knitting);
        // The citizen's download names the offer the exit went to.
        assertThat(contribution.export(new dk.brobygger.citizen.CitizenId(mikkel)).toString())
                .contains("exitOffer=Strikkeklubben (Fjordlund Frivillighus)");
        // The team's access ended with the exit; a host who still works with Mikkel sees the exit and its offer.
        jdbc.sql("INSERT INTO citizen_relation (citizen_id, username, reason, created_by, created_at) VALUES (:c, 'vaert', 'test', 'test', CURRENT_TIMESTAMP)")
                .param("c", mikkel).update();
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tilbud i portalen:")))
                .andExpect(content().string(containsString("/tilbud/" + knitting)));
    }

    long version(UUID course) {
        return jdbc.sql("SELECT version FROM course WHERE id = :id").param("id", course).query(Long.class).single();
    }

    /** A radio button of a form on the course page, checked or not. */
    static String radio(String id, String value, boolean checked) {
        return "(?s).*id=\"" + id + "\" value=\"" + value + "\"" + (checked ? " checked=\"checked\"" : ">") + ".*";
    }

    @Test
    void thePlannedExitNamesTheOfferTheCourseShowsItAndTheExitProposesIt() throws Exception {
        UUID course = CourseCorrectionTests.start(mvc, jdbc, types, clock, "kort-forloeb");
        String in8Weeks = LocalDate.now(clock).plusWeeks(8).toString();
        // Only an exit to a community goes to an offer in the portal.
        mvc.perform(post("/forloeb/{id}/planlagt-udgang", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version(course))).param("udgang", "REGION").param("til", "F-ACT")
                .param("dato", in8Weeks).param("tilbud", knitting.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("kan kun vælges ved udgang til et fællesskab")));
        mvc.perform(post("/forloeb/{id}/planlagt-udgang", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version(course))).param("udgang", "COMMUNITY").param("til", "")
                .param("dato", in8Weeks).param("tilbud", knitting.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT planned_exit_to FROM course WHERE id = :id").param("id", course)
                .query(String.class).single()).isEqualTo("Strikkeklubben");

        // The course shows the planned offer with a link to its card and "Henvis"; the exit form proposes it.
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(matchesPattern("(?s).*id=\"planlagt-udgang-tilbud\".*?href=\"/tilbud/"
                        + knitting + "\">Strikkeklubben</a>.*")))
                .andExpect(content().string(containsString(
                        "/borgere/" + mikkel + "/henvisninger/ny?tilbud=" + knitting + "&amp;fra=COURSE")))
                .andExpect(content().string(matchesPattern(radio("tilbud-" + knitting, knitting.toString(), true))))
                .andExpect(content().string(matchesPattern(radio("tilbud-intet", "", false))))
                .andExpect(content().string(matchesPattern(radio("udgang-COMMUNITY", "COMMUNITY", true))))
                .andExpect(content().string(containsString("Strikkeklubben (planlagt)")));

        // The association stops publishing it: the plan still names it, as gone, and no longer proposes it.
        jdbc.sql("UPDATE offer SET status = 'INACTIVE' WHERE id = :id").param("id", knitting).update();
        mvc.perform(get("/forloeb/{id}", course).with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Strikkeklubben (ikke længere i portalen)")))
                .andExpect(content().string(containsString(
                        "Det planlagte tilbud »Strikkeklubben« er ikke længere i portalen.")))
                .andExpect(content().string(not(containsString("href=\"/tilbud/" + knitting))))
                .andExpect(content().string(not(containsString("id=\"tilbud-" + knitting))));
        mvc.perform(post("/forloeb/{id}/udgang", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version(course))).param("udgang", "COMMUNITY")
                .param("til", "Strikkeklubben").param("tilbud", knitting.toString())
                .param("dato", LocalDate.now(clock).toString()).param("enig", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tilbuddet findes ikke længere i portalen.")));

        // Back in the portal, the exit goes to it as proposed.
        jdbc.sql("UPDATE offer SET status = 'ACTIVE' WHERE id = :id").param("id", knitting).update();
        mvc.perform(post("/forloeb/{id}/udgang", course).with(CourseTests.HOST).with(csrf())
                .param("version", String.valueOf(version(course))).param("udgang", "COMMUNITY")
                .param("til", "Strikkeklubben").param("tilbud", knitting.toString())
                .param("dato", LocalDate.now(clock).toString()).param("enig", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT offer_id FROM course_exit_offer WHERE course_id = :id").param("id", course)
                .query(UUID.class).single()).isEqualTo(knitting);
        assertThat(contribution.export(new dk.brobygger.citizen.CitizenId(mikkel)).toString())
                .contains("plannedExitOffer=Strikkeklubben");
    }

    @Test
    void theApisPlannedExitNamesTheOfferAndLetsItGo() throws Exception {
        UUID course = CourseCorrectionTests.start(mvc, jdbc, types, clock, "kort-forloeb");
        String in8Weeks = LocalDate.now(clock).plusWeeks(8).toString();
        mvc.perform(post("/api/courses/{id}/planned-exit", course).with(CourseTests.HOST)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + version(course)
                        + ", \"kind\": \"COMMUNITY\", \"on\": \"" + in8Weeks + "\", \"offerId\": \"" + knitting
                        + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plannedExit.to").value("Strikkeklubben"))
                .andExpect(jsonPath("$.plannedExitOffer.offerId").value(knitting.toString()))
                .andExpect(jsonPath("$.plannedExitOffer.name").value("Strikkeklubben"))
                .andExpect(jsonPath("$.plannedExitOffer.available").value(true));
        mvc.perform(post("/api/courses/{id}/planned-exit", course).with(CourseTests.HOST)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + version(course)
                        + ", \"kind\": \"COMMUNITY\", \"on\": \"" + in8Weeks + "\", \"offerId\": \""
                        + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tilbuddet findes ikke længere i portalen.")));
        mvc.perform(post("/api/courses/{id}/planned-exit", course).with(CourseTests.HOST)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + version(course)
                        + ", \"kind\": \"NO_MORE_HELP\", \"on\": \"" + in8Weeks + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plannedExitOffer").doesNotExist());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_planned_exit_offer").query(Long.class).single()).isZero();
    }
}

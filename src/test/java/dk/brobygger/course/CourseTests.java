package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Én indgang (issue 16), as a host works it: an inquiry recorded in a few fields, a course started the same day for
 * a citizen the municipality knows but the host did not (told so, audited, no refusal), contacts, phases that move
 * forward and back only with a reason, relatives only with consent, an exit with a destination that ends the team's
 * access, a return that is counted and shows the earlier course, and two edits at once answered with a conflict.
 */
@BrobyggerTest
class CourseTests {

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
    void mikkelIsKnownToHomeCareButNotToTheHost() {
        courses.reset();
        citizens.reset();
        mikkel = citizens.registered(CPR, "Mikkel Holm", "hjemmebesog");
    }

    UUID relativePhones(String wish) throws Exception {
        String location = mvc.perform(post("/indgang").with(HOST).with(csrf()).param("hvem", "RELATIVE")
                .param("kanal", "PHONE").param("navn", "Lone Holm").param("kontakt", "22 33 44 55")
                .param("paaVegneAf", "sin søn Mikkel").param("oensker", wish).param("hast", "TODAY")
                .param("ved", "KNOWS_AND_AGREES"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    long inquiryVersion(UUID inquiry) {
        return jdbc.sql("SELECT version FROM course_inquiry WHERE id = :id").param("id", inquiry).query(Long.class).single();
    }

    long courseVersion(UUID course) {
        return jdbc.sql("SELECT version FROM course WHERE id = :id").param("id", course).query(Long.class).single();
    }

    UUID typeId(String code) {
        return types.byCode(code).id();
    }

    UUID start(UUID inquiry, String type) throws Exception {
        String location = mvc.perform(post("/indgang/henvendelser/{id}/forloeb", inquiry).with(HOST).with(csrf())
                .param("version", String.valueOf(inquiryVersion(inquiry))).param("cpr", CPR)
                .param("type", typeId(type).toString()).param("team", "en-indgang").param("status", "ACTIVE")
                .param("udgang", "COMMUNITY").param("til", "Foreningen Sind")
                .param("dato", LocalDate.now(clock).plusWeeks(12).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    MockHttpServletRequestBuilder change(UUID course, String what) {
        return post("/forloeb/{id}/" + what, course).with(HOST).with(csrf())
                .param("version", String.valueOf(courseVersion(course)));
    }

    @Test
    void aRelativePhonesAndACourseStartsTheSameDayForACitizenTheHostDidNotKnow() throws Exception {
        UUID inquiry = relativePhones("Han sidder alene på sit værelse og vil gerne i gang med noget");
        mvc.perform(get("/indgang").with(HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("sin søn Mikkel")))
                .andExpect(content().string(containsString(">Kontaktet<")));

        mvc.perform(post("/indgang/henvendelser/{id}/cpr", inquiry).with(HOST).with(csrf()).param("cpr", CPR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Borgeren er kendt i kommunen")))
                .andExpect(content().string(not(containsString("Mikkel Holm"))));

        UUID course = start(inquiry, "cti");

        mvc.perform(get("/forloeb/{id}", course).with(HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mikkel Holm")))
                .andExpect(content().string(containsString("samme dag som henvendelsen")))
                .andExpect(content().string(containsString("Fase 1 af 4: Kontaktetablering")));
        assertThat(jdbc.sql("SELECT outcome FROM course_inquiry WHERE id = :id").param("id", inquiry)
                .query(String.class).single()).isEqualTo("COURSE_STARTED");
        assertThat(jdbc.sql("SELECT citizen_id FROM course_inquiry WHERE id = :id").param("id", inquiry)
                .query(UUID.class).single()).isEqualTo(mikkel);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM citizen_relation
                 WHERE work_kind = 'course' AND work_id = :course AND team = 'en-indgang' AND ended_at IS NULL
                """).param("course", course).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'vaert'
                   AND purpose LIKE 'Én indgang: CTI%' AND outcome = 'GRANTED'
                """).param("citizen", mikkel).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM followup_task WHERE source_kind = 'course.exit' AND source_id = :id")
                .param("id", course).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anInquiryWithNothingInItIsRefusedInDanishAndNothingIsSaved() throws Exception {
        mvc.perform(post("/indgang").with(HOST).with(csrf()).param("hvem", "ANONYMOUS").param("kanal", "PHONE")
                .param("oensker", "   \u0000 "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv, hvad personen gerne vil have ændret.")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_inquiry").query(Long.class).single()).isZero();
    }

    @Test
    void anAnonymousCallerLeavesNoNameAndNoCitizenUntilAHostLinksItSayingWhy() throws Exception {
        String location = mvc.perform(post("/indgang").with(HOST).with(csrf()).param("hvem", "ANONYMOUS")
                .param("kanal", "PHONE").param("navn", "Skal ikke gemmes").param("oensker", "Min nabo har det skidt"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID inquiry = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT contact_name FROM course_inquiry WHERE id = :id").param("id", inquiry)
                .query(String.class).optional()).isEmpty();
        // The host does not work with Mikkel: linking is refused, starting a course is the way.
        mvc.perform(post("/indgang/henvendelser/{id}/knyt", inquiry).with(HOST).with(csrf())
                .param("version", String.valueOf(inquiryVersion(inquiry))).param("cpr", CPR).param("begrundelse", "Naboen ringede igen"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Start et forløb")));
        jdbc.sql("INSERT INTO citizen_relation (citizen_id, username, reason, created_by, created_at) VALUES (:c, 'vaert', 'test', 'test', CURRENT_TIMESTAMP)")
                .param("c", mikkel).update();
        mvc.perform(post("/indgang/henvendelser/{id}/knyt", inquiry).with(HOST).with(csrf())
                .param("version", String.valueOf(inquiryVersion(inquiry))).param("cpr", CPR).param("begrundelse", ""))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Skriv, hvorfor")));
        mvc.perform(post("/indgang/henvendelser/{id}/knyt", inquiry).with(HOST).with(csrf())
                .param("version", String.valueOf(inquiryVersion(inquiry))).param("cpr", CPR).param("begrundelse", "Mikkel ringede selv bagefter"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT linked_by || ': ' || link_reason FROM course_inquiry WHERE id = :id").param("id", inquiry)
                .query(String.class).single()).isEqualTo("vaert: Mikkel ringede selv bagefter");
    }

    @Test
    void aCourseForACitizenTheHostMayNotSeeIsRefusedWhenAskedByRecordAndNothingIsSaved() throws Exception {
        mvc.perform(post("/borgere/{id}/forloeb", mikkel).with(HOST).with(csrf())
                .param("type", typeId("kort-forloeb").toString()).param("team", "en-indgang")
                .param("udgang", "NO_MORE_HELP").param("dato", LocalDate.now(clock).plusWeeks(8).toString()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_relation WHERE citizen_id = :c AND team = 'en-indgang'")
                .param("c", mikkel).query(Long.class).single()).isZero();
    }

    @Test
    void thePhaseMovesForwardFreelyAndBackwardsOnlyWithAReason() throws Exception {
        UUID course = start(relativePhones("Vil gerne have hjælp"), "cti");
        mvc.perform(change(course, "fase").param("fase", "1")).andExpect(status().is3xxRedirection());
        mvc.perform(change(course, "fase").param("fase", "2")).andExpect(status().is3xxRedirection());
        mvc.perform(change(course, "fase").param("fase", "1").param("begrundelse", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv, hvorfor forløbet går en fase tilbage.")));
        mvc.perform(change(course, "fase").param("fase", "1").param("begrundelse", "Indlagt igen, brug for tæt kontakt"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT phase FROM course WHERE id = :id").param("id", course).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT reason FROM course_change WHERE course_id = :id AND position = 3").param("id", course)
                .query(String.class).single()).isEqualTo("Indlagt igen, brug for tæt kontakt");
    }

    @Test
    void aPhaseLongerThanPlannedIsFlagged() throws Exception {
        UUID course = start(relativePhones("Vil gerne have hjælp"), "cti");
        courses.backdate(course, 40);
        mvc.perform(get("/forloeb/{id}", course).with(HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("længere i fasen Kontaktetablering end planlagt")));
    }

    @Test
    void anExitNeedsADestinationAndTheCitizensAnswerAndEndsTheTeamsAccess() throws Exception {
        UUID course = start(relativePhones("Vil gerne ud blandt andre"), "kort-forloeb");
        mvc.perform(change(course, "udgang").param("udgang", "COMMUNITY").param("til", "")
                .param("dato", LocalDate.now(clock).toString()).param("enig", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv, hvor borgeren går hen")));
        mvc.perform(change(course, "udgang").param("udgang", "COMMUNITY").param("til", "Foreningen Sind")
                .param("dato", LocalDate.now(clock).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Svar på, om borgeren er enig.")));
        assertThat(jdbc.sql("SELECT status FROM course WHERE id = :id").param("id", course).query(String.class).single())
                .isEqualTo("ACTIVE");

        mvc.perform(change(course, "udgang").param("udgang", "COMMUNITY").param("til", "Foreningen Sind")
                .param("dato", LocalDate.now(clock).toString()).param("enig", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status || ' ' || exit_kind || ' ' || exit_to FROM course WHERE id = :id")
                .param("id", course).query(String.class).single()).isEqualTo("FINISHED COMMUNITY Foreningen Sind");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_relation WHERE work_id = :id AND ended_at IS NULL")
                .param("id", course).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM followup_task WHERE source_id = :id").param("id", course)
                .query(String.class).single()).isNotEqualTo("OPEN");
        mvc.perform(get("/forloeb/{id}", course).with(HOST)).andExpect(status().isForbidden());
    }

    @Test
    void aCitizenWhoComesBackIsCountedAndTheHostSeesTheEarlierCourse() throws Exception {
        UUID first = start(relativePhones("Vil gerne ud blandt andre"), "kort-forloeb");
        mvc.perform(change(first, "udgang").param("udgang", "COMMUNITY").param("til", "Foreningen Sind")
                .param("dato", LocalDate.now(clock).toString()).param("enig", "true"))
                .andExpect(status().is3xxRedirection());
        courses.backdate(first, 120);

        UUID second = start(relativePhones("Det går skidt igen"), "peerstoette");
        assertThat(jdbc.sql("SELECT returned_after_days FROM course WHERE id = :id").param("id", second)
                .query(Integer.class).single()).isEqualTo(120);
        mvc.perform(get("/forloeb/{id}", second).with(HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("120 dage efter sidste forløb")))
                .andExpect(content().string(containsString("Kort forløb i Én indgang")))
                .andExpect(content().string(containsString("Foreningen Sind")));
    }

    @Test
    void relativesAreInvolvedOnlyWithTheCitizensConsentAndChildrenAreMarked() throws Exception {
        UUID course = start(relativePhones("Vil gerne have hjælp"), "cti");
        mvc.perform(post("/forloeb/{id}/paaroerende", course).with(HOST).with(csrf()).param("navn", "Lone Holm")
                .param("relation", "mor"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ikke givet samtykke til, at oplysninger deles med pårørende")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_relative").query(Long.class).single()).isZero();

        courses.consentToRelatives(mikkel);
        mvc.perform(post("/forloeb/{id}/paaroerende", course).with(HOST).with(csrf()).param("navn", "Emil Holm")
                .param("relation", "lillebror, 11 år").param("ung", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/forloeb/{id}/anbefaling", course).with(HOST).with(csrf())
                .param("anbefaling", "CHILDREN_AND_YOUNG").param("udfoert", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/forloeb/{id}", course).with(HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Emil Holm (lillebror, 11 år)")))
                .andExpect(content().string(containsString("Barn/ung")))
                .andExpect(content().string(containsString("✓ Opmærksomhed på børn og unge")));
    }

    @Test
    void twoEditsFromTheSameVersionAnswerTheSecondWithAConflict() throws Exception {
        UUID course = start(relativePhones("Vil gerne have hjælp"), "cti");
        long seen = courseVersion(course);
        mvc.perform(post("/forloeb/{id}/fase", course).with(HOST).with(csrf()).param("version", String.valueOf(seen))
                .param("fase", "1")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/forloeb/{id}/status", course).with(HOST).with(csrf()).param("version", String.valueOf(seen))
                .param("status", "ONHOLD").param("begrundelse", "Ferie"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("En anden har ændret forløbet i mellemtiden")));
        assertThat(jdbc.sql("SELECT status FROM course WHERE id = :id").param("id", course).query(String.class).single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void contactsAreRecordedQuicklyAndBadOnesAreRefused() throws Exception {
        UUID course = start(relativePhones("Vil gerne have hjælp"), "kort-forloeb");
        mvc.perform(post("/forloeb/{id}/kontakt", course).with(HOST).with(csrf()).param("slags", "HOME_VISIT")
                .param("minutter", "45").param("note", "Gik en tur sammen")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/forloeb/{id}/kontakt", course).with(HOST).with(csrf()).param("slags", "PHONE")
                .param("minutter", "0")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("hvor mange minutter")));
        mvc.perform(post("/forloeb/{id}/kontakt", course).with(HOST).with(csrf()).param("slags", "PHONE")
                .param("minutter", "10").param("tid", LocalDate.now(clock).plusDays(3) + "T10:00"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("fremtiden")));
        mvc.perform(get("/forloeb/{id}", course).with(HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Gik en tur sammen")))
                .andExpect(content().string(containsString("Kontakter (1)")));
    }
}

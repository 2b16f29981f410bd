package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Én indgang as JSON (issue 16): a host records an inquiry and starts a course from it for a citizen the host did
 * not know; contacts, phases and the exit follow the pages' rules, with Danish problems for bad input, 400 without a
 * version, 409 on a stale one, and refusals for whoever has no need to know. Every read is audited.
 */
@BrobyggerTest
class CourseApiTests {

    static final RequestPostProcessor HOST = httpBasic("vaert", "demo");
    static final RequestPostProcessor OTHER_STAFF = httpBasic("faellesteam", "demo");
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

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) {
        return request.with(who).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static UUID idIn(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    long inquiryVersion(UUID inquiry) {
        return jdbc.sql("SELECT version FROM course_inquiry WHERE id = :id").param("id", inquiry).query(Long.class).single();
    }

    long courseVersion(UUID course) {
        return jdbc.sql("SELECT version FROM course WHERE id = :id").param("id", course).query(Long.class).single();
    }

    UUID inquiry() throws Exception {
        return idIn(mvc.perform(json(post("/api/inquiries"), HOST, """
                {"channel": "PHONE", "source": "RELATIVE", "contactName": "Lone Holm", "contactRoute": "22 33 44 55",
                 "onBehalfOf": "sin søn Mikkel", "wish": "Han vil gerne i gang med noget", "urgency": "TODAY",
                 "citizenKnows": "KNOWS_AND_AGREES"}
                """)).andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location"));
    }

    UUID course(UUID inquiry) throws Exception {
        return idIn(mvc.perform(json(post("/api/inquiries/{id}/courses", inquiry), HOST, """
                {"version": %d, "cpr": "%s", "type": "%s", "team": "en-indgang", "status": "ACTIVE",
                 "plannedExit": "COMMUNITY", "plannedExitTo": "Foreningen Sind", "plannedExitOn": "%s"}
                """.formatted(inquiryVersion(inquiry), CPR, types.byCode("cti").id(),
                LocalDate.now(clock).plusWeeks(12))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.phase").value(0))
                .andExpect(jsonPath("$.plannedExit.kind").value("COMMUNITY"))
                .andReturn().getResponse().getHeader("Location"));
    }

    @Test
    void aHostRecordsAnInquiryAndStartsACourseFromItTheSameDay() throws Exception {
        UUID inquiry = inquiry();
        mvc.perform(get("/api/inquiries").with(HOST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.inquiries[0].id").value(inquiry.toString()))
                .andExpect(jsonPath("$.inquiries[0].onBehalfOf").value("sin søn Mikkel"))
                .andExpect(jsonPath("$.inquiries[0].citizenId").doesNotExist());
        mvc.perform(get("/api/inquiries/{id}", inquiry).with(HOST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.urgency").value("TODAY"));

        UUID course = course(inquiry);

        mvc.perform(get("/api/inquiries/{id}", inquiry).with(HOST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("COURSE_STARTED"))
                .andExpect(jsonPath("$.citizenName").value("Mikkel Holm"));
        mvc.perform(get("/api/courses/{id}", course).with(HOST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.citizenId").value(mikkel.toString()))
                .andExpect(jsonPath("$.inquiryId").value(inquiry.toString()))
                .andExpect(jsonPath("$.phaseName").value("Kontaktetablering"));
        mvc.perform(get("/api/courses").param("citizen", mikkel.toString()).with(HOST)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(course.toString()))
                .andExpect(jsonPath("$[0].typeName").value(containsString("CTI")));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'vaert'
                   AND action = 'READ' AND purpose LIKE 'Én indgang%' AND outcome = 'GRANTED'
                """).param("citizen", mikkel).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void contactsPhasesAndTheExitFollowThePagesRules() throws Exception {
        UUID course = course(inquiry());
        mvc.perform(json(post("/api/courses/{id}/contacts", course), HOST, """
                {"kind": "HOME_VISIT", "minutes": 45, "note": "Første besøg"}
                """)).andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("HOME_VISIT"));
        mvc.perform(json(post("/api/courses/{id}/contacts", course), HOST, """
                {"kind": "HOME_VISIT", "minutes": 0}
                """)).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("minut")));

        mvc.perform(json(post("/api/courses/{id}/phase", course), HOST,
                "{\"version\": %d, \"phase\": 1}".formatted(courseVersion(course))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.phase").value(1))
                .andExpect(jsonPath("$.contacts.length()").value(1));
        mvc.perform(json(post("/api/courses/{id}/phase", course), HOST,
                "{\"version\": %d, \"phase\": 0}".formatted(courseVersion(course))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Skriv, hvorfor forløbet går en fase tilbage."));
        mvc.perform(json(post("/api/courses/{id}/phase", course), HOST,
                "{\"version\": %d, \"phase\": 0, \"reason\": \"Kontakten gik tabt\"}".formatted(courseVersion(course))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.phase").value(0))
                .andExpect(jsonPath("$.history[-1].reason").value("Kontakten gik tabt"));

        mvc.perform(json(post("/api/courses/{id}/exit", course), HOST, """
                {"version": %d, "kind": "COMMUNITY", "to": "Foreningen Sind", "on": "%s", "citizenAgrees": true}
                """.formatted(courseVersion(course), LocalDate.now(clock))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FINISHED"))
                .andExpect(jsonPath("$.exit.to").value("Foreningen Sind"))
                .andExpect(jsonPath("$.endedAt").exists());
        // The exit ends the team's need to know: the host neither reads nor adds to the course any more.
        mvc.perform(get("/api/courses/{id}", course).with(HOST)).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/courses/{id}/contacts", course), HOST, """
                {"kind": "PHONE", "minutes": 10}
                """)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_contact").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void withoutAVersionA400AndWithAStaleOneA409WithNothingSaved() throws Exception {
        UUID course = course(inquiry());
        mvc.perform(json(post("/api/courses/{id}/phase", course), HOST, "{\"phase\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("version")));
        long seen = courseVersion(course);
        mvc.perform(json(post("/api/courses/{id}/phase", course), HOST,
                "{\"version\": %d, \"phase\": 1}".formatted(seen))).andExpect(status().isOk());
        mvc.perform(json(post("/api/courses/{id}/exit", course), HOST, """
                {"version": %d, "kind": "NO_MORE_HELP", "on": "%s"}
                """.formatted(seen, LocalDate.now(clock))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("En anden har ændret forløbet")));
        assertThat(jdbc.sql("SELECT status FROM course WHERE id = :id").param("id", course).query(String.class)
                .single()).isEqualTo("ACTIVE");

        UUID inquiry = inquiry();
        long stale = inquiryVersion(inquiry) - 1;
        mvc.perform(json(post("/api/inquiries/{id}/courses", inquiry), HOST, """
                {"version": %d, "cpr": "%s", "type": "%s", "plannedExit": "REGION", "plannedExitOn": "%s"}
                """.formatted(stale, CPR, types.byCode("kort-forloeb").id(), LocalDate.now(clock).plusWeeks(4))))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsAProblemInDanishAndSavesNothing() throws Exception {
        mvc.perform(json(post("/api/inquiries"), HOST, "{\"channel\": \"PHONE\", \"source\": \"ANONYMOUS\", \"wish\": \"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Skriv, hvad personen gerne vil have ændret."));
        mvc.perform(json(post("/api/inquiries"), HOST, "{\"channel\": \"PUBLIC_FORM\", \"source\": \"CITIZEN\", \"wish\": \"Hjælp\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Vælg, hvordan henvendelsen kom."));
        mvc.perform(json(post("/api/inquiries"), HOST, "{\"channel\": \"PHONE\", \"wish\": \"Hjælp\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Vælg, hvem der henvender sig."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_inquiry").query(Long.class).single()).isZero();

        UUID inquiry = inquiry();
        mvc.perform(json(post("/api/inquiries/{id}/courses", inquiry), HOST, """
                {"version": %d, "cpr": "%s", "type": "%s", "plannedExit": "SOMEWHERE", "plannedExitOn": "%s"}
                """.formatted(inquiryVersion(inquiry), CPR, types.byCode("cti").id(), LocalDate.now(clock))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(json(post("/api/inquiries/{id}/courses", inquiry), HOST, "{\"version\": \"nyeste\", \"type\": \"cti\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course").query(Long.class).single()).isZero();
    }

    @Test
    void whoeverHasNoNeedToKnowIsRefused() throws Exception {
        UUID inquiry = inquiry();
        UUID course = course(inquiry);
        mvc.perform(get("/api/inquiries").with(OTHER_STAFF)).andExpect(status().isForbidden());
        mvc.perform(get("/api/inquiries/{id}", inquiry).with(OTHER_STAFF)).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/inquiries"), OTHER_STAFF, "{\"channel\": \"PHONE\", \"source\": \"CITIZEN\", \"wish\": \"Hjælp\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/courses/{id}", course).with(OTHER_STAFF)).andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("Mikkel"))));
        mvc.perform(get("/api/courses").param("citizen", mikkel.toString()).with(OTHER_STAFF))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/courses/{id}/contacts", course), OTHER_STAFF, "{\"kind\": \"PHONE\", \"minutes\": 5}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/courses/{id}", course)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/courses/{id}", UUID.randomUUID()).with(HOST)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_contact").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'faellesteam'
                   AND outcome <> 'GRANTED'
                """).param("citizen", mikkel).query(Long.class).single()).isPositive();
    }

    @Test
    void theEndpointsAreDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/inquiries'].get").exists())
                .andExpect(jsonPath("$.paths['/api/inquiries'].post").exists())
                .andExpect(jsonPath("$.paths['/api/inquiries/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/inquiries/{id}/courses'].post").exists())
                .andExpect(jsonPath("$.paths['/api/courses'].get.parameters[0].name").value("citizen"))
                .andExpect(jsonPath("$.paths['/api/courses/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/courses/{id}/contacts'].post").exists())
                .andExpect(jsonPath("$.paths['/api/courses/{id}/phase'].post.summary")
                        .value(containsString("tilbage kræver en begrundelse")))
                .andExpect(jsonPath("$.paths['/api/courses/{id}/exit'].post").exists());
    }
}

package dk.brobygger.course;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Test data for Én indgang: an empty slate, consents, and moving a course's dates into the past. */
@Component
public class TestCourses {

    private final JdbcClient jdbc;

    TestCourses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** No inquiries, courses or course tasks; the shipped types as shipped. */
    public void reset() {
        jdbc.sql("DELETE FROM followup_task WHERE source_kind LIKE 'course%'").update();
        jdbc.sql("DELETE FROM course").update();
        jdbc.sql("DELETE FROM course_inquiry").update();
        jdbc.sql("DELETE FROM citizen_relation WHERE work_kind = 'course'").update();
        jdbc.sql("DELETE FROM course_type WHERE changed_by <> 'system' AND version = 0").update();
    }

    /**
     * A change posted from the course page ({@code /forloeb/{id}/<what>}, e.g. {@code fase}, {@code status},
     * {@code udgang}) at the course's current version, with these name/value pairs; the caller adds who and CSRF.
     */
    public org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder change(UUID course, String what,
            String... params) {
        long version = jdbc.sql("SELECT version FROM course WHERE id = :id").param("id", course).query(Long.class)
                .single();
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/forloeb/{id}/" + what, course).param("version", String.valueOf(version));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }

    /** The citizen consents to sharing with relatives. */
    public void consentToRelatives(UUID citizen) {
        jdbc.sql("""
                INSERT INTO consent (id, citizen_id, party, scope, given_on, recorded_by, recorded_at)
                VALUES (:id, :citizen, 'RELATIVES', 'Pårørendeinddragelse', CURRENT_DATE, 'vaert', :now)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("now", Timestamp.from(Instant.now()))
                .update();
    }

    /**
     * Moves everything about the course {@code days} into the past (its start, the inquiry's arrival, its phase
     * moves and contacts, an end), as if it had run that long.
     */
    public void backdate(UUID course, int days) {
        var shift = java.time.Duration.ofDays(days);
        var row = jdbc.sql("SELECT started_at, phase_started_on, inquiry_received_at, ended_at FROM course WHERE id = :id")
                .param("id", course).query((rs, n) -> new Object[] {rs.getTimestamp(1), rs.getObject(2, java.time.LocalDate.class),
                        rs.getTimestamp(3), rs.getTimestamp(4)}).single();
        jdbc.sql("""
                UPDATE course SET started_at = :started, phase_started_on = :phase, inquiry_received_at = :inquiry,
                       ended_at = :ended WHERE id = :id
                """).param("started", minus((Timestamp) row[0], shift))
                .param("phase", ((java.time.LocalDate) row[1]).minusDays(days))
                .param("inquiry", minus((Timestamp) row[2], shift)).param("ended", minus((Timestamp) row[3], shift))
                .param("id", course).update();
        jdbc.sql("SELECT position, changed_at FROM course_change WHERE course_id = :id").param("id", course)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2)}).list()
                .forEach(change -> jdbc.sql("UPDATE course_change SET changed_at = :at WHERE course_id = :id AND position = :p")
                        .param("at", minus((Timestamp) change[1], shift)).param("id", course).param("p", change[0])
                        .update());
        jdbc.sql("SELECT id, happened_at FROM course_contact WHERE course_id = :id").param("id", course)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getTimestamp(2)}).list()
                .forEach(contact -> jdbc.sql("UPDATE course_contact SET happened_at = :at WHERE id = :id")
                        .param("at", minus((Timestamp) contact[1], shift)).param("id", contact[0]).update());
        jdbc.sql("SELECT exit_on FROM course WHERE id = :id").param("id", course)
                .query((rs, n) -> rs.getObject(1, java.time.LocalDate.class)).optional().filter(java.util.Objects::nonNull)
                .ifPresent(exitOn -> jdbc.sql("UPDATE course SET exit_on = :on WHERE id = :id")
                        .param("on", exitOn.minusDays(days)).param("id", course).update());
    }

    private static Timestamp minus(Timestamp at, java.time.Duration shift) {
        return at == null ? null : Timestamp.from(at.toInstant().minus(shift));
    }
}

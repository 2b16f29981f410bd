package dk.brobygger.citizen;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Other modules' records about a citizen, written straight into their tables, for the citizen module's tests
 * of what it gathers from them (timeline, export). Hospital messages written here are received by
 * {@code tidslinje-test}.
 */
final class ModuleRecords {

    private ModuleRecords() {
    }

    static void visit(JdbcClient jdbc, UUID citizen, LocalDateTime start, String status, boolean tagged) {
        jdbc.sql("""
                INSERT INTO visit (id, citizen_id, visitor, planned_start, duration_minutes, place, status, held_on,
                                   community_tag, version, created_by, created_at, updated_by, updated_at)
                VALUES (:id, :citizen, 'hjemmebesog', :start, 60, 'HOME', :status, :held, :tagged, 0,
                        'hjemmebesog', :start, 'hjemmebesog', :start)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("start", Timestamp.valueOf(start))
                .param("status", status).param("held", status.equals("HELD") ? start.toLocalDate() : null)
                .param("tagged", tagged).update();
    }

    static void lifeEvent(JdbcClient jdbc, UUID citizen, LocalDate on, String type, String source) {
        jdbc.sql("""
                INSERT INTO life_event (id, citizen_id, type, occurred_on, source, arrived_via, recorded_by, recorded_at)
                VALUES (:id, :citizen, :type, :on, :source, 'STAFF', 'hjemmebesog', :now)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("type", type).param("on", on)
                .param("source", source).param("now", Timestamp.from(Instant.now())).update();
    }

    static void score(JdbcClient jdbc, UUID citizen, LocalDate on) {
        jdbc.sql("""
                INSERT INTO instrument_response (id, citizen_id, instrument_code, instrument_version, answers, score,
                                                 band, answered_on, context, recorded_by, recorded_at)
                SELECT :id, :citizen, code, version, '{"savner-samvaer": 3, "holdt-udenfor": 3, "isoleret": 2}', 8,
                       'Ensom', :on, NULL, 'hjemmebesog', TIMESTAMP '2026-02-01 12:00:00'
                  FROM instrument WHERE code = 'ucla-3'
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("on", on).update();
    }

    static void hospitalEvent(JdbcClient jdbc, UUID citizen, Instant at, String code) {
        UUID message = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO hospital_message (id, media_type, body, received_at, received_by, outcome, citizen_id)
                VALUES (:id, 'application/fhir+json', '{}', :at, 'tidslinje-test', 'ACCEPTED', :citizen)
                """).param("id", message).param("at", Timestamp.from(at)).param("citizen", citizen).update();
        jdbc.sql("""
                INSERT INTO hospital_event (id, citizen_id, code, occurred_at, message_id, status, recorded_at)
                VALUES (:id, :citizen, :code, :at, :message, 'ACTIVE', :at)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("code", code)
                .param("at", Timestamp.from(at)).param("message", message).update();
    }
}

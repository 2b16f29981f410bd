package dk.brobygger.hospital.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.hospital.HospitalEventCode;
import dk.brobygger.hospital.HospitalStatus;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the citizen's hospital timeline: new events, and earlier ones marked revised or cancelled. */
@Repository
class TimelineWriter {

    /** An event that stands, as a revision or cancellation finds it. */
    record Standing(UUID id, UUID citizenId, HospitalEventCode code) {
    }

    private final JdbcClient jdbc;

    TimelineWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID record(UUID citizen, HospitalEventCode code, Instant occurredAt, @Nullable String episode, UUID message,
            @Nullable UUID revises, Instant now) {
        UUID id = UUID.randomUUID();
        var params = new HashMap<String, @Nullable Object>();
        params.put("id", id);
        params.put("citizen", citizen);
        params.put("code", code.name());
        params.put("occurredAt", Timestamp.from(occurredAt));
        params.put("episode", episode);
        params.put("message", message);
        params.put("revises", revises);
        params.put("now", Timestamp.from(now));
        jdbc.sql("""
                INSERT INTO hospital_event (id, citizen_id, code, occurred_at, episode, message_id, revises, status,
                       recorded_at)
                VALUES (:id, :citizen, :code, :occurredAt, :episode, :message, :revises, 'ACTIVE', :now)
                """).params(params).update();
        return id;
    }

    /** Marks a standing event revised or cancelled by a later message; false if it no longer stands. */
    boolean end(UUID event, HospitalStatus status, UUID byMessage, Instant now) {
        return jdbc.sql("""
                UPDATE hospital_event SET status = :status, ended_at = :now, ended_by = :message
                 WHERE id = :id AND status = 'ACTIVE'
                """).param("status", status.name()).param("now", Timestamp.from(now)).param("message", byMessage)
                .param("id", event).update() == 1;
    }

    /**
     * The event the accepted message with this MessageHeader id recorded for the citizen, or what stands in its
     * place now: a revised event is followed to its revision. Empty when it was cancelled.
     */
    Optional<Standing> standingFrom(String messageId, UUID citizen) {
        var event = jdbc.sql("""
                SELECT e.id, e.citizen_id, e.code, e.status FROM hospital_event e
                  JOIN hospital_message m ON m.id = e.message_id
                 WHERE m.accepted_key = :key AND e.citizen_id = :citizen
                """).param("key", messageId).param("citizen", citizen).query(this::row).optional();
        while (event.isPresent() && event.get().status() == HospitalStatus.REVISED) {
            event = jdbc.sql("SELECT id, citizen_id, code, status FROM hospital_event WHERE revises = :id")
                    .param("id", event.get().standing().id()).query(this::row).optional();
        }
        return event.filter(found -> found.status() == HospitalStatus.ACTIVE).map(Row::standing);
    }

    private record Row(Standing standing, HospitalStatus status) {
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(new Standing(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                HospitalEventCode.valueOf(rs.getString(3))), HospitalStatus.valueOf(rs.getString(4)));
    }

    /** When the citizen died, if the hospital has told so (a MORS that stands): the end of the timeline. */
    Optional<Instant> death(UUID citizen) {
        return jdbc.sql("""
                SELECT occurred_at FROM hospital_event
                 WHERE citizen_id = :citizen AND code = 'MORS' AND status = 'ACTIVE'
                 ORDER BY occurred_at
                 LIMIT 1
                """).param("citizen", citizen).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** Does the same event already stand for the citizen (same kind, same time), from another message? */
    boolean stands(UUID citizen, HospitalEventCode code, Instant occurredAt) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM hospital_event
                 WHERE citizen_id = :citizen AND code = :code AND occurred_at = :at AND status = 'ACTIVE'
                """).param("citizen", citizen).param("code", code.name()).param("at", Timestamp.from(occurredAt))
                .query(Long.class).single() > 0;
    }
}

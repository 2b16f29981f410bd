package dk.brobygger.hospital;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.citizen.Citizen;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.Paging;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sygehusforløb: a citizen's hospital timeline (admitted, on leave, discharged) for the staff related to
 * the citizen. Reading it passes need-to-know and is audited, through the gate ({@link CitizenRecords}).
 */
@Service
public class HospitalTimeline {

    /** A page of the timeline, newest first, with the citizen it belongs to and their situation now. */
    public record Page(Citizen citizen, List<TimelineEntry> entries, int page, boolean hasNext,
            Optional<TimelineEntry> current) {
    }

    private final CitizenRecords records;
    private final JdbcClient jdbc;

    HospitalTimeline(CitizenRecords records, JdbcClient jdbc) {
        this.records = records;
        this.jdbc = jdbc;
    }

    /**
     * The citizen's hospital events, newest first, revised and cancelled ones included. {@code current} is what
     * the citizen's situation is now: a death that stands ends the timeline (it is the current status whatever
     * arrives later, and later events are marked as after the death); otherwise the latest event that stands
     * tells whether the citizen is admitted, on leave or home.
     */
    @Transactional
    Page of(CitizenId id, int page, int size) {
        var citizen = records.readWithHeading(id, "Så borgerens sygehusforløb");
        var death = jdbc.sql("""
                SELECT occurred_at FROM hospital_event
                 WHERE citizen_id = :citizen AND code = 'MORS' AND status = 'ACTIVE'
                 ORDER BY occurred_at
                 LIMIT 1
                """).param("citizen", id.value()).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
        RowMapper<TimelineEntry> entries = (rs, n) -> entry(rs, death.orElse(null));
        var rows = jdbc.sql(SELECT + """
                 WHERE e.citizen_id = :citizen
                 ORDER BY e.occurred_at DESC, e.recorded_at DESC, e.id
                 LIMIT :limit OFFSET :offset
                """).param("citizen", id.value()).param("limit", size + 1).param("offset", Paging.offset(page, size))
                .query(entries).list();
        var current = jdbc.sql(SELECT + """
                 WHERE e.citizen_id = :citizen AND e.status = 'ACTIVE'
                 ORDER BY CASE WHEN e.code = 'MORS' THEN 0 ELSE 1 END,
                       CASE WHEN e.code = 'MORS' THEN e.occurred_at END, e.occurred_at DESC, e.recorded_at DESC, e.id
                 LIMIT 1
                """).param("citizen", id.value()).query(entries).optional();
        return new Page(citizen, rows.subList(0, Math.min(size, rows.size())), Paging.page(page), rows.size() > size,
                current);
    }

    private static final String SELECT = """
            SELECT e.id, e.code, e.occurred_at, e.episode, e.status, e.revises, e.ended_at, e.recorded_at, m.warnings
              FROM hospital_event e
              JOIN hospital_message m ON m.id = e.message_id
            """;

    private static TimelineEntry entry(ResultSet rs, java.time.@Nullable Instant death) throws SQLException {
        var code = HospitalEventCode.valueOf(rs.getString("code"));
        var occurredAt = rs.getTimestamp("occurred_at").toInstant();
        return new TimelineEntry(rs.getObject("id", UUID.class), code, occurredAt, rs.getString("episode"),
                HospitalStatus.valueOf(rs.getString("status")), rs.getObject("revises", UUID.class),
                instant(rs.getTimestamp("ended_at")), rs.getTimestamp("recorded_at").toInstant(),
                death != null && occurredAt.isAfter(death), rs.getString("warnings"));
    }

    private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

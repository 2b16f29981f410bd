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
     * The citizen's hospital events, newest first, revised and cancelled ones included. {@code current} is
     * the latest event that still stands: it tells whether the citizen is admitted, on leave or home.
     */
    @Transactional
    Page of(CitizenId id, int page, int size) {
        var citizen = records.readWithHeading(id, "Så borgerens sygehusforløb");
        var rows = jdbc.sql("""
                SELECT id, code, occurred_at, episode, status, revises, ended_at, recorded_at
                  FROM hospital_event
                 WHERE citizen_id = :citizen
                 ORDER BY occurred_at DESC, recorded_at DESC, id
                 LIMIT :limit OFFSET :offset
                """).param("citizen", id.value()).param("limit", size + 1).param("offset", Paging.offset(page, size))
                .query((rs, n) -> entry(rs)).list();
        var current = jdbc.sql("""
                SELECT id, code, occurred_at, episode, status, revises, ended_at, recorded_at
                  FROM hospital_event
                 WHERE citizen_id = :citizen AND status = 'ACTIVE'
                 ORDER BY occurred_at DESC, recorded_at DESC, id
                 LIMIT 1
                """).param("citizen", id.value()).query((rs, n) -> entry(rs)).optional();
        return new Page(citizen, rows.subList(0, Math.min(size, rows.size())), Paging.page(page), rows.size() > size,
                current);
    }

    private static TimelineEntry entry(ResultSet rs) throws SQLException {
        return new TimelineEntry(rs.getObject("id", UUID.class), HospitalEventCode.valueOf(rs.getString("code")),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("episode"),
                HospitalStatus.valueOf(rs.getString("status")), rs.getObject("revises", UUID.class),
                instant(rs.getTimestamp("ended_at")), rs.getTimestamp("recorded_at").toInstant());
    }

    private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package dk.brobygger.citizen;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import dk.brobygger.citizen.CitizenContribution.TimelineEntry;
import dk.brobygger.shared.DanishTime;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A contribution's timeline page from SQL: {@code select} names the citizen's rows (parameter
 * {@code :citizen}) with the time of each as the column {@code happened_at}, often a UNION ALL of several
 * things that happen to one row (given, withdrawn …); this cuts it into the page {@link CitizenContribution#timeline}
 * promises, newest first, with ties, in at most two queries that use the module's citizen index.
 *
 * @param when how {@code happened_at} is stored
 */
public record TimelineQuery(JdbcClient jdbc, String select, When when, RowMapper<TimelineEntry> entry) {

    /** How a module stores the time of its rows. */
    public enum When {
        /** A timestamp that is an instant (written with {@code Timestamp.from(instant)}). */
        INSTANT,
        /** A timestamp in Danish local time, e.g. a visit's planned start. */
        DANISH_TIME,
        /** A date: the entry stands at the start of the day ({@link CitizenContribution#startOf}). */
        DAY;

        Object before(Instant before) {
            return switch (this) {
                case INSTANT -> Timestamp.from(before);
                case DANISH_TIME -> Timestamp.valueOf(LocalDateTime.ofInstant(before, DanishTime.ZONE));
                case DAY -> CitizenContribution.firstDayNotBefore(before);
            };
        }

        Object at(Instant at) {
            return switch (this) {
                case INSTANT -> Timestamp.from(at);
                case DANISH_TIME -> Timestamp.valueOf(LocalDateTime.ofInstant(at, DanishTime.ZONE));
                case DAY -> LocalDate.ofInstant(at, DanishTime.ZONE);
            };
        }

        /** The instant of {@code happened_at} in this row. */
        public Instant read(ResultSet row) throws SQLException {
            return switch (this) {
                case INSTANT -> row.getTimestamp("happened_at").toInstant();
                case DANISH_TIME -> row.getTimestamp("happened_at").toLocalDateTime().atZone(DanishTime.ZONE).toInstant();
                case DAY -> CitizenContribution.startOf(row.getObject("happened_at", LocalDate.class));
            };
        }
    }

    public List<TimelineEntry> page(CitizenId citizen, @Nullable Instant before, int limit) {
        String older = before == null ? "" : " WHERE e.happened_at < :before";
        var first = jdbc.sql("SELECT * FROM (" + select + ") e" + older + " ORDER BY e.happened_at DESC LIMIT :limit")
                .param("citizen", citizen.value()).param("limit", limit);
        if (before != null) {
            first = first.param("before", when.before(before));
        }
        return CitizenContribution.withTies(limit, first.query(entry).list(),
                at -> jdbc.sql("SELECT * FROM (" + select + ") e WHERE e.happened_at = :at")
                        .param("citizen", citizen.value()).param("at", when.at(at)).query(entry).list());
    }
}

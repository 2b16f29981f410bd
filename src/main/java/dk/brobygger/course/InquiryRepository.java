package dk.brobygger.course;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where inquiries are kept. Saving a changed inquiry writes it only if nobody saved it since it was read
 * (its version), else {@link CourseConflictException}.
 */
@Repository
class InquiryRepository {

    private final JdbcClient jdbc;

    InquiryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Inquiry> find(InquiryId id) {
        return jdbc.sql("SELECT * FROM course_inquiry WHERE id = :id").param("id", id.value())
                .query(InquiryRepository::inquiry).optional();
    }

    /** Inserts a new inquiry or updates a read one (version checked). */
    void save(Inquiry inquiry) {
        var statement = inquiry.version() < 0 ? jdbc.sql("""
                INSERT INTO course_inquiry (id, received_at, channel, source, contact_name, contact_route, on_behalf_of,
                       wish, urgency, citizen_knows, young, citizen_id, linked_at, linked_by, link_reason, contacted_at,
                       contacted_by, outcome, outcome_note, closed_at, recorded_by, version)
                VALUES (:id, :receivedAt, :channel, :source, :contactName, :contactRoute, :onBehalfOf, :wish, :urgency,
                       :citizenKnows, :young, :citizen, :linkedAt, :linkedBy, :linkReason, :contactedAt, :contactedBy,
                       :outcome, :outcomeNote, :closedAt, :recordedBy, 0)
                """) : jdbc.sql("""
                UPDATE course_inquiry SET citizen_id = :citizen, linked_at = :linkedAt, linked_by = :linkedBy,
                       link_reason = :linkReason, contacted_at = :contactedAt, contacted_by = :contactedBy,
                       outcome = :outcome, outcome_note = :outcomeNote, closed_at = :closedAt, version = version + 1
                 WHERE id = :id AND version = :version
                """).param("version", inquiry.version());
        int written = statement.param("id", inquiry.id().value()).param("receivedAt", ts(inquiry.receivedAt()))
                .param("channel", inquiry.channel().name()).param("source", inquiry.source().name())
                .param("contactName", inquiry.contactName()).param("contactRoute", inquiry.contactRoute())
                .param("onBehalfOf", inquiry.onBehalfOf()).param("wish", inquiry.wish())
                .param("urgency", inquiry.urgency().name()).param("citizenKnows", inquiry.citizenKnows().name())
                .param("young", inquiry.young())
                .param("citizen", inquiry.citizen() == null ? null : inquiry.citizen().value())
                .param("linkedAt", ts(inquiry.linkedAt())).param("linkedBy", inquiry.linkedBy())
                .param("linkReason", inquiry.linkReason()).param("contactedAt", ts(inquiry.contactedAt()))
                .param("contactedBy", inquiry.contactedBy())
                .param("outcome", inquiry.outcome() == null ? null : inquiry.outcome().name())
                .param("outcomeNote", inquiry.outcomeNote()).param("closedAt", ts(inquiry.closedAt()))
                .param("recordedBy", inquiry.recordedBy()).update();
        if (written == 0) {
            throw new CourseConflictException("course.inquiry.stale");
        }
    }

    /**
     * One page of the board: inquiries that arrived since {@code since} or are still open whenever they arrived
     * (two disjoint ranges, each read in order from its own index), or only those waiting for contact; newest or
     * oldest first, id breaking ties.
     */
    List<Inquiry> board(Instant since, boolean waitingOnly, boolean oldestFirst, long offset, int limit) {
        String order = oldestFirst ? "received_at, id" : "received_at DESC, id DESC";
        String sql = waitingOnly ? """
                SELECT * FROM course_inquiry WHERE closed_at IS NULL AND contacted_at IS NULL
                 ORDER BY %s LIMIT :limit OFFSET :offset
                """ : """
                SELECT * FROM course_inquiry WHERE received_at >= :since
                UNION ALL
                SELECT * FROM course_inquiry WHERE closed_at IS NULL AND received_at < :since
                ORDER BY %s LIMIT :limit OFFSET :offset
                """;
        var statement = jdbc.sql(sql.formatted(order)).param("limit", limit).param("offset", offset);
        if (!waitingOnly) {
            statement = statement.param("since", ts(since));
        }
        return statement.query(InquiryRepository::inquiry).list();
    }

    /**
     * The inquiry's own text, lower-cased, for the board's search: who contacted and how, on whose behalf, the wish,
     * why it was linked, the note it was closed with (CONCAT_WS skips what is empty; H2 and PostgreSQL alike).
     */
    private static final String TEXT = """
            LOWER(CONCAT_WS(' ', contact_name, contact_route, on_behalf_of, wish, link_reason, outcome_note))""";

    /**
     * A page of the board's rows ({@link #board}'s) whose text holds every word, in any case (each word a LIKE
     * pattern with its own %, _ and backslash escaped, lower-cased by the database as the text is). Only searched boards
     * read this; the board without a search keeps its own statements.
     */
    List<Inquiry> search(Instant since, boolean waitingOnly, boolean oldestFirst, List<String> words, long offset,
            int limit) {
        String order = oldestFirst ? "received_at, id" : "received_at DESC, id DESC";
        String match = matching(words);
        String sql = waitingOnly ? """
                SELECT * FROM course_inquiry WHERE closed_at IS NULL AND contacted_at IS NULL%2$s
                 ORDER BY %1$s LIMIT :limit OFFSET :offset
                """ : """
                SELECT * FROM course_inquiry WHERE received_at >= :since%2$s
                UNION ALL
                SELECT * FROM course_inquiry WHERE closed_at IS NULL AND received_at < :since%2$s
                ORDER BY %1$s LIMIT :limit OFFSET :offset
                """;
        var statement = words(jdbc.sql(sql.formatted(order, match)), words).param("limit", limit)
                .param("offset", offset);
        if (!waitingOnly) {
            statement = statement.param("since", ts(since));
        }
        return statement.query(InquiryRepository::inquiry).list();
    }

    /** How many of the board's rows {@link #search} finds in all. */
    long searchCount(Instant since, boolean waitingOnly, List<String> words) {
        String match = matching(words);
        String sql = waitingOnly ? """
                SELECT COUNT(*) FROM course_inquiry WHERE closed_at IS NULL AND contacted_at IS NULL%1$s
                """ : """
                SELECT (SELECT COUNT(*) FROM course_inquiry WHERE received_at >= :since%1$s)
                     + (SELECT COUNT(*) FROM course_inquiry WHERE closed_at IS NULL AND received_at < :since%1$s)
                """;
        var statement = words(jdbc.sql(sql.formatted(match)), words);
        if (!waitingOnly) {
            statement = statement.param("since", ts(since));
        }
        return statement.query(Long.class).single();
    }

    private static String matching(List<String> words) {
        var match = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            match.append(" AND ").append(TEXT).append(" LIKE LOWER(:word").append(i).append(") ESCAPE '\\'");
        }
        return match.toString();
    }

    private static JdbcClient.StatementSpec words(JdbcClient.StatementSpec statement, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String escaped = words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            statement = statement.param("word" + i, "%" + escaped + "%");
        }
        return statement;
    }

    /** The board's figures, each counted from an index: today's, open from before today, waiting, urgent waiting. */
    record BoardCounts(long today, long openBefore, long waiting, long urgentWaiting) {
    }

    BoardCounts boardCounts(Instant since) {
        long today = jdbc.sql("SELECT COUNT(*) FROM course_inquiry WHERE received_at >= :since")
                .param("since", ts(since)).query(Long.class).single();
        long openBefore = jdbc.sql("SELECT COUNT(*) FROM course_inquiry WHERE closed_at IS NULL AND received_at < :since")
                .param("since", ts(since)).query(Long.class).single();
        return jdbc.sql("""
                SELECT COUNT(*) AS waiting, COALESCE(SUM(CASE WHEN urgency = 'TODAY' THEN 1 ELSE 0 END), 0) AS urgent
                  FROM course_inquiry WHERE closed_at IS NULL AND contacted_at IS NULL
                """).query((rs, n) -> new BoardCounts(today, openBefore, rs.getLong("waiting"), rs.getLong("urgent")))
                .single();
    }

    List<Inquiry> ofCitizen(CitizenId citizen) {
        return jdbc.sql("SELECT * FROM course_inquiry WHERE citizen_id = :citizen ORDER BY received_at DESC")
                .param("citizen", citizen.value()).query(InquiryRepository::inquiry).list();
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Inquiry inquiry(ResultSet rs, int row) throws SQLException {
        UUID citizen = rs.getObject("citizen_id", UUID.class);
        String outcome = rs.getString("outcome");
        return new Inquiry(new InquiryId(rs.getObject("id", UUID.class)), rs.getTimestamp("received_at").toInstant(),
                InquiryChannel.valueOf(rs.getString("channel")), InquirySource.valueOf(rs.getString("source")),
                rs.getString("contact_name"), rs.getString("contact_route"), rs.getString("on_behalf_of"),
                rs.getString("wish"), Urgency.valueOf(rs.getString("urgency")),
                CitizenKnows.valueOf(rs.getString("citizen_knows")), rs.getBoolean("young"),
                citizen == null ? null : new CitizenId(citizen), instant(rs, "linked_at"), rs.getString("linked_by"),
                rs.getString("link_reason"), instant(rs, "contacted_at"), rs.getString("contacted_by"),
                outcome == null ? null : InquiryOutcome.valueOf(outcome), rs.getString("outcome_note"),
                instant(rs, "closed_at"), instant(rs, "anonymised_at"), rs.getString("recorded_by"),
                rs.getLong("version"));
    }
}

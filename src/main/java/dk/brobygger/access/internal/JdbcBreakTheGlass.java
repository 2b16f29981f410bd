package dk.brobygger.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.BreakTheGlass;
import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.shared.DomainException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Break-the-glass access on the table {@code break_the_glass}. */
@Service
class JdbcBreakTheGlass implements BreakTheGlass {

    static final int MIN_REASON = 10;
    static final int MAX_REASON = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration glassDuration;

    JdbcBreakTheGlass(JdbcClient jdbc, Clock clock,
            @Value("${brobygger.access.break-the-glass-duration:PT8H}") Duration glassDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.glassDuration = glassDuration;
    }

    @Override
    @Transactional
    public GlassBroken breakTheGlass(BrobyggerUser user, UUID citizenId, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.length() < MIN_REASON) {
            throw new DomainException("access.breakTheGlass.reasonMissing", MIN_REASON);
        }
        if (text.length() > MAX_REASON) {
            throw new DomainException("access.breakTheGlass.reasonTooLong", MAX_REASON);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(glassDuration);
        jdbc.sql("""
                INSERT INTO break_the_glass (citizen_id, username, reason, granted_at, expires_at)
                VALUES (:citizen, :username, :reason, :now, :expires)
                """).param("citizen", citizenId).param("username", user.username()).param("reason", text)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires)).update();
        return jdbc.sql("""
                SELECT * FROM break_the_glass WHERE citizen_id = :citizen AND username = :username
                 ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
                """).param("citizen", citizenId).param("username", user.username()).query(this::glass).single();
    }

    @Override
    public List<GlassBroken> awaitingReview() {
        return jdbc.sql("SELECT * FROM break_the_glass WHERE reviewed_at IS NULL ORDER BY granted_at, id")
                .query(this::glass).list();
    }

    @Override
    public Waiting waiting(int limit) {
        long count = jdbc.sql("SELECT COUNT(*) FROM break_the_glass WHERE reviewed_at IS NULL").query(Long.class).single();
        var oldest = count == 0 ? List.<GlassBroken>of()
                : jdbc.sql("SELECT * FROM break_the_glass WHERE reviewed_at IS NULL ORDER BY granted_at, id FETCH FIRST :limit ROWS ONLY")
                        .param("limit", limit).query(this::glass).list();
        return new Waiting(count, oldest);
    }

    @Override
    @Transactional
    public void markReviewed(long id, String by) {
        jdbc.sql("UPDATE break_the_glass SET reviewed_by = :by, reviewed_at = :now WHERE id = :id AND reviewed_at IS NULL")
                .param("by", by).param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    @Override
    @Transactional
    public void forgetReasons(UUID citizenId) {
        // The same word as the citizen module's anonymised texts.
        jdbc.sql("UPDATE break_the_glass SET reason = 'Anonymiseret' WHERE citizen_id = :citizen AND reason <> 'Anonymiseret'")
                .param("citizen", citizenId).update();
    }

    private GlassBroken glass(ResultSet rs, int row) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new GlassBroken(rs.getLong("id"), rs.getObject("citizen_id", UUID.class), rs.getString("username"),
                rs.getString("reason"), rs.getTimestamp("granted_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant());
    }
}

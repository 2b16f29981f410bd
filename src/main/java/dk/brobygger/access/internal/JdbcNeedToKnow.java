package dk.brobygger.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.NeedToKnow;
import dk.brobygger.shared.DomainException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The need-to-know policy on the tables {@code citizen_relation} and {@code break_the_glass}. */
@Service
class JdbcNeedToKnow implements NeedToKnow {

    static final int MIN_REASON = 10;
    static final int MAX_REASON = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration glassDuration;

    private final JdbcTeams teams;

    JdbcNeedToKnow(JdbcClient jdbc, Clock clock, JdbcTeams teams,
            @Value("${brobygger.access.break-the-glass-duration:PT8H}") Duration glassDuration) {
        this.teams = teams;
        this.jdbc = jdbc;
        this.clock = clock;
        this.glassDuration = glassDuration;
    }

    @Override
    public boolean maySee(BrobyggerUser user, UUID citizenId) {
        Timestamp now = Timestamp.from(clock.instant());
        // One round trip: an open relation (own or through a team), or unexpired break-the-glass access.
        return jdbc.sql("""
                SELECT CASE WHEN EXISTS (
                           SELECT 1 FROM citizen_relation r
                            WHERE r.citizen_id = :citizen AND r.ended_at IS NULL
                              AND (r.username = :username OR r.team IN (SELECT m.team FROM team_membership m
                                                                         WHERE m.username = :username AND m.left_at IS NULL)))
                         OR EXISTS (
                           SELECT 1 FROM break_the_glass
                            WHERE citizen_id = :citizen AND username = :username AND expires_at > :now)
                       THEN 1 ELSE 0 END
                """).param("citizen", citizenId).param("username", user.username()).param("now", now)
                .query(Integer.class).single() == 1;
    }

    @Override
    public Subquery visibleTo(BrobyggerUser user) {
        return new Subquery("""
                SELECT ntk_r.citizen_id FROM citizen_relation ntk_r
                 WHERE ntk_r.ended_at IS NULL
                   AND (ntk_r.username = :ntk_username
                        OR ntk_r.team IN (SELECT ntk_m.team FROM team_membership ntk_m
                                           WHERE ntk_m.username = :ntk_username AND ntk_m.left_at IS NULL))
                UNION
                SELECT ntk_g.citizen_id FROM break_the_glass ntk_g
                 WHERE ntk_g.username = :ntk_username AND ntk_g.expires_at > :ntk_now""",
                java.util.Map.of("ntk_username", user.username(), "ntk_now", Timestamp.from(clock.instant())));
    }

    @Override
    public List<Relation> relationsTo(UUID citizenId) {
        return jdbc.sql("""
                SELECT r.*, u.display_name
                  FROM citizen_relation r LEFT JOIN app_user u ON u.username = r.username
                 WHERE r.citizen_id = :citizen
                 ORDER BY CASE WHEN r.ended_at IS NULL THEN 0 ELSE 1 END, r.created_at DESC, r.id DESC
                """).param("citizen", citizenId).query(JdbcNeedToKnow::relation).list();
    }

    @Override
    @Transactional
    public void relate(UUID citizenId, String username, String reason, String by) {
        if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :username").param("username", username)
                .query(Long.class).single() == 0) {
            throw new DomainException("access.relation.unknownUser", username);
        }
        jdbc.sql("""
                INSERT INTO citizen_relation (citizen_id, username, reason, created_by, created_at)
                VALUES (:citizen, :username, :reason, :by, :now)
                """).param("citizen", citizenId).param("username", username).param("reason", clip(reason, 400))
                .param("by", by).param("now", Timestamp.from(clock.instant())).update();
    }

    @Override
    @Transactional
    public long relateTeam(UUID citizenId, String team, String reason, String by) {
        teams.requireTeam(team);
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO citizen_relation (citizen_id, team, reason, created_by, created_at)
                VALUES (:citizen, :team, :reason, :by, :now)
                """).param("citizen", citizenId).param("team", team).param("reason", clip(reason, 400))
                .param("by", by).param("now", Timestamp.from(clock.instant())).update(key);
        // H2 hands back the identity column, PostgreSQL the whole row: take "id" either way.
        return key.getKeyList().getFirst().entrySet().stream().filter(column -> column.getKey().equalsIgnoreCase("id"))
                .map(column -> ((Number) column.getValue()).longValue()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No id for the new relation"));
    }

    @Override
    @Transactional
    public void endRelation(long relationId, String by) {
        jdbc.sql("UPDATE citizen_relation SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("id", relationId).update();
    }

    @Override
    @Transactional
    public void endRelation(UUID citizenId, String username, String by) {
        jdbc.sql("""
                UPDATE citizen_relation SET ended_at = :now, ended_by = :by
                 WHERE citizen_id = :citizen AND username = :username AND ended_at IS NULL
                """).param("now", Timestamp.from(clock.instant())).param("citizen", citizenId)
                .param("username", username).param("by", by).update();
    }

    @Override
    @Transactional
    public boolean endRelation(UUID citizenId, long relationId, String by) {
        return jdbc.sql("""
                UPDATE citizen_relation SET ended_at = :now, ended_by = :by
                 WHERE id = :id AND citizen_id = :citizen AND ended_at IS NULL
                """).param("now", Timestamp.from(clock.instant())).param("by", by).param("id", relationId)
                .param("citizen", citizenId).update() == 1;
    }

    @Override
    public List<UUID> citizensWhoseLastRelationEndedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT citizen_id FROM citizen_relation
                 GROUP BY citizen_id
                HAVING COUNT(*) = COUNT(ended_at) AND MAX(ended_at) < :cutoff
                 ORDER BY MAX(ended_at), citizen_id
                 LIMIT :limit
                """).param("cutoff", Timestamp.from(cutoff)).param("limit", limit).query(UUID.class).list();
    }

    @Override
    @Transactional
    public void forgetRelations(UUID citizenId) {
        jdbc.sql("DELETE FROM citizen_relation WHERE citizen_id = :citizen").param("citizen", citizenId).update();
        // Who broke the glass and when stays (it is in the audit log too); why, in the user's own words about
        // the citizen, does not. The same word as the citizen module's anonymised texts.
        jdbc.sql("UPDATE break_the_glass SET reason = 'Anonymiseret' WHERE citizen_id = :citizen AND reason <> 'Anonymiseret'")
                .param("citizen", citizenId).update();
    }

    private static Relation relation(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Relation(rs.getLong("id"), rs.getObject("citizen_id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), rs.getString("team"), rs.getString("reason"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), ended == null ? null : ended.toInstant(),
                rs.getString("ended_by"));
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
    @Transactional
    public void markReviewed(long id, String by) {
        jdbc.sql("UPDATE break_the_glass SET reviewed_by = :by, reviewed_at = :now WHERE id = :id AND reviewed_at IS NULL")
                .param("by", by).param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    private GlassBroken glass(ResultSet rs, int row) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new GlassBroken(rs.getLong("id"), rs.getObject("citizen_id", UUID.class), rs.getString("username"),
                rs.getString("reason"), rs.getTimestamp("granted_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant());
    }

    private static String clip(String text, int max) {
        String value = text == null ? "" : text.strip();
        return value.length() <= max ? value : value.substring(0, max);
    }
}

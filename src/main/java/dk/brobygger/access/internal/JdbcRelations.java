package dk.brobygger.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.access.Relations;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Relations between users or teams and citizens, on the table {@code citizen_relation}. */
@Service
class JdbcRelations implements Relations {

    static final int MAX_REASON = 400;

    private final JdbcClient jdbc;
    private final JdbcTeams teams;
    private final Clock clock;

    JdbcRelations(JdbcClient jdbc, JdbcTeams teams, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Relation open(UUID citizenId, Holder holder, @Nullable WorkRef work, @Nullable String scope, String reason,
            String by) {
        if (holder.username() != null && jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :username")
                .param("username", holder.username()).query(Long.class).single() == 0) {
            throw new DomainException("access.relation.unknownUser", holder.username());
        }
        if (holder.team() != null) {
            teams.requireTeam(holder.team());
        }
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO citizen_relation (citizen_id, username, team, work_kind, work_id, scope, reason,
                                              created_by, created_at)
                VALUES (:citizen, :username, :team, :kind, :work, :scope, :reason, :by, :now)
                """).param("citizen", citizenId).param("username", holder.username()).param("team", holder.team())
                .param("kind", work == null ? null : work.kind()).param("work", work == null ? null : work.id())
                .param("scope", scope).param("reason", clip(reason)).param("by", by)
                .param("now", Timestamp.from(clock.instant())).update(key);
        // H2 hands back the identity column, PostgreSQL the whole row: take "id" either way.
        long id = key.getKeyList().getFirst().entrySet().stream()
                .filter(column -> column.getKey().equalsIgnoreCase("id"))
                .map(column -> ((Number) column.getValue()).longValue()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No id for the new relation"));
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public List<Relation> endWork(WorkRef work, String by) {
        var open = ofWork(work);
        open.forEach(relation -> close(relation.id(), by));
        return open;
    }

    @Override
    @Transactional
    public Optional<Relation> end(UUID citizenId, long relationId, String by) {
        var relation = find(relationId).filter(found -> found.citizenId().equals(citizenId) && found.isActive());
        relation.ifPresent(found -> close(found.id(), by));
        return relation;
    }

    private void close(long relationId, String by) {
        jdbc.sql("UPDATE citizen_relation SET ended_at = :now, ended_by = :by WHERE id = :id AND ended_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("by", by).param("id", relationId).update();
    }

    @Override
    public List<Relation> ofWork(WorkRef work) {
        return jdbc.sql(SELECT + " WHERE r.work_kind = :kind AND r.work_id = :work AND r.ended_at IS NULL ORDER BY r.id")
                .param("kind", work.kind()).param("work", work.id()).query(JdbcRelations::relation).list();
    }

    /** The user's own active relations and those of the teams they are in now. */
    private static final String WORKED_WITH = """
            SELECT r.citizen_id, r.created_at FROM citizen_relation r
             WHERE r.username = :user AND r.ended_at IS NULL
            UNION ALL
            SELECT r.citizen_id, r.created_at FROM team_membership m
              JOIN citizen_relation r ON r.team = m.team AND r.ended_at IS NULL
             WHERE m.username = :user AND m.left_at IS NULL
            """;

    @Override
    public WorkedWith workedWith(String username, long offset, int limit) {
        long count = jdbc.sql("SELECT COUNT(DISTINCT w.citizen_id) FROM (" + WORKED_WITH + ") w")
                .param("user", username).query(Long.class).single();
        List<UUID> citizens = count == 0 ? List.of() : jdbc.sql("SELECT w.citizen_id FROM (" + WORKED_WITH + ") w" + """

                 GROUP BY w.citizen_id
                 ORDER BY MAX(w.created_at) DESC, w.citizen_id
                OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY
                """).param("user", username).param("offset", offset).param("limit", limit)
                .query(UUID.class).list();
        return new WorkedWith(count, citizens);
    }

    @Override
    public List<Relation> relationsTo(UUID citizenId) {
        return jdbc.sql(SELECT + """
                 WHERE r.citizen_id = :citizen
                 ORDER BY CASE WHEN r.ended_at IS NULL THEN 0 ELSE 1 END, r.created_at DESC, r.id DESC
                """).param("citizen", citizenId).query(JdbcRelations::relation).list();
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
    public void forget(UUID citizenId) {
        jdbc.sql("DELETE FROM citizen_relation WHERE citizen_id = :citizen").param("citizen", citizenId).update();
    }

    private Optional<Relation> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(JdbcRelations::relation).optional();
    }

    private static final String SELECT = """
            SELECT r.*, u.display_name FROM citizen_relation r LEFT JOIN app_user u ON u.username = r.username
            """;

    private static Relation relation(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        String kind = rs.getString("work_kind");
        return new Relation(rs.getLong("id"), rs.getObject("citizen_id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), rs.getString("team"),
                kind == null ? null : new WorkRef(kind, rs.getObject("work_id", UUID.class)), rs.getString("scope"),
                rs.getString("reason"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                ended == null ? null : ended.toInstant(), rs.getString("ended_by"));
    }

    private static String clip(String text) {
        String value = text == null ? "" : text.strip();
        return value.length() <= MAX_REASON ? value : value.substring(0, MAX_REASON);
    }
}

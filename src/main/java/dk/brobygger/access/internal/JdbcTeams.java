package dk.brobygger.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import dk.brobygger.access.Teams;
import dk.brobygger.shared.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams in {@code team}, memberships with history in {@code team_membership}. */
@Service
class JdbcTeams implements Teams {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JdbcUsers users;

    JdbcTeams(JdbcClient jdbc, Clock clock, JdbcUsers users) {
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Team> all() {
        return jdbc.sql("SELECT code, name FROM team ORDER BY name").query(Team.class).list();
    }

    @Override
    public List<String> of(String username) {
        return jdbc.sql("SELECT team FROM team_membership WHERE username = :username AND left_at IS NULL ORDER BY team")
                .param("username", username).query(String.class).list();
    }

    @Override
    public List<Membership> history(String team) {
        return jdbc.sql("""
                SELECT team, username, joined_at, joined_by, left_at, left_by FROM team_membership
                 WHERE team = :team ORDER BY joined_at DESC, id DESC
                """).param("team", team)
                .query((rs, n) -> new Membership(rs.getString("team"), rs.getString("username"),
                        rs.getTimestamp("joined_at").toInstant(), rs.getString("joined_by"),
                        rs.getTimestamp("left_at") == null ? null : rs.getTimestamp("left_at").toInstant(),
                        rs.getString("left_by")))
                .list();
    }

    @Override
    @Transactional
    public void join(String team, String username, String by) {
        requireTeam(team);
        if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :username").param("username", username)
                .query(Long.class).single() == 0) {
            throw new DomainException("access.relation.unknownUser", username);
        }
        if (of(username).contains(team)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO team_membership (team, username, joined_at, joined_by)
                VALUES (:team, :username, :now, :by)
                """).param("team", team).param("username", username)
                .param("now", Timestamp.from(clock.instant())).param("by", by).update();
        userChanged(username);
    }

    @Override
    @Transactional
    public void leave(String team, String username, String by) {
        int left = jdbc.sql("""
                UPDATE team_membership SET left_at = :now, left_by = :by
                 WHERE team = :team AND username = :username AND left_at IS NULL
                """).param("now", Timestamp.from(clock.instant())).param("by", by).param("team", team)
                .param("username", username).update();
        if (left > 0) {
            userChanged(username);
        }
    }

    /** Teams are part of the user: an administrator editing the user from an older page must not undo this. */
    private void userChanged(String username) {
        jdbc.sql("UPDATE app_user SET version = version + 1 WHERE username = :username").param("username", username)
                .update();
        users.changed(username);
    }

    void requireTeam(String team) {
        if (jdbc.sql("SELECT COUNT(*) FROM team WHERE code = :team").param("team", team).query(Long.class)
                .single() == 0) {
            throw new DomainException("access.team.unknown", team);
        }
    }
}

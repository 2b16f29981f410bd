package dk.brobygger.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.NeedToKnow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The need-to-know policy on the tables {@code citizen_relation}, {@code team_membership} and {@code break_the_glass}. */
@Service
class JdbcNeedToKnow implements NeedToKnow {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcNeedToKnow(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean maySee(BrobyggerUser user, UUID citizenId) {
        return allows(user, citizenId, null);
    }

    @Override
    public boolean maySee(BrobyggerUser user, UUID citizenId, String scope) {
        return allows(user, citizenId, scope);
    }

    private boolean allows(BrobyggerUser user, UUID citizenId, String scope) {
        Timestamp now = Timestamp.from(clock.instant());
        // One round trip: an open relation (own or through a team) covering the scope, or unexpired break-the-glass access.
        return jdbc.sql("""
                SELECT CASE WHEN EXISTS (
                           SELECT 1 FROM citizen_relation r
                            WHERE r.citizen_id = :citizen AND r.ended_at IS NULL
                              AND (r.scope IS NULL OR r.scope = :scope)
                              AND (r.username = :username OR r.team IN (SELECT m.team FROM team_membership m
                                                                         WHERE m.username = :username AND m.left_at IS NULL)))
                         OR EXISTS (
                           SELECT 1 FROM break_the_glass
                            WHERE citizen_id = :citizen AND username = :username AND expires_at > :now)
                       THEN 1 ELSE 0 END
                """).param("citizen", citizenId).param("username", user.username()).param("now", now)
                .param("scope", scope == null ? "" : scope)
                .query(Integer.class).single() == 1;
    }

    @Override
    public Subquery visibleTo(BrobyggerUser user) {
        return new Subquery("""
                SELECT ntk_r.citizen_id FROM citizen_relation ntk_r
                 WHERE ntk_r.ended_at IS NULL AND ntk_r.scope IS NULL
                   AND (ntk_r.username = :ntk_username
                        OR ntk_r.team IN (SELECT ntk_m.team FROM team_membership ntk_m
                                           WHERE ntk_m.username = :ntk_username AND ntk_m.left_at IS NULL))
                UNION
                SELECT ntk_g.citizen_id FROM break_the_glass ntk_g
                 WHERE ntk_g.username = :ntk_username AND ntk_g.expires_at > :ntk_now""",
                Map.of("ntk_username", user.username(), "ntk_now", Timestamp.from(clock.instant())));
    }
}

package dk.brobygger.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outreach rules in force and their history. Administrators change them; a change closes the
 * rule in force and adds a new version, and the next evaluation uses it. Items already on the list
 * keep the version they were made under.
 */
@Service
class OutreachRules {

    /** How many citizens a rule selects now, and how many the rule in force does: no citizen is named. */
    public record Preview(RiskReason reason, long proposed, long inForce) {
    }

    private final JdbcClient jdbc;
    private final Users users;
    private final Clock clock;
    private final OutreachEvaluation evaluation;

    OutreachRules(JdbcClient jdbc, Users users, Clock clock, OutreachEvaluation evaluation) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.evaluation = evaluation;
    }

    /** The rules in force, one per reason, in the order of {@link RiskReason}. */
    @Transactional(readOnly = true)
    public List<OutreachRule> current() {
        var rules = jdbc.sql("SELECT * FROM outreach_rule WHERE superseded_at IS NULL").query(OutreachRules::rule)
                .list();
        return rules.stream().sorted(java.util.Comparator.comparing(OutreachRule::reason)).toList();
    }

    @Transactional(readOnly = true)
    public OutreachRule current(RiskReason reason) {
        return current().stream().filter(rule -> rule.reason() == reason).findFirst()
                .orElseThrow(() -> new NotFoundException("rule " + reason));
    }

    /** Every version of the reason's rule, newest first. */
    @Transactional(readOnly = true)
    public List<OutreachRule> history(RiskReason reason) {
        return jdbc.sql("SELECT * FROM outreach_rule WHERE reason = :reason ORDER BY id DESC")
                .param("reason", reason.name()).query(OutreachRules::rule).list();
    }

    /** Puts new settings in force for the reason (administrators only). */
    @Transactional
    public OutreachRule change(RiskReason reason, OutreachRule.Settings settings) {
        var user = users.current().filter(u -> u.has(Role.ADMIN))
                .orElseThrow(() -> new AccessDeniedException("Only administrators change the outreach rules"));
        Instant now = clock.instant();
        jdbc.sql("UPDATE outreach_rule SET superseded_at = :now WHERE reason = :reason AND superseded_at IS NULL")
                .param("now", Timestamp.from(now)).param("reason", reason.name()).update();
        jdbc.sql("""
                INSERT INTO outreach_rule (reason, min_age, max_age, living_alone, within_days, active, changed_by,
                                           changed_at)
                VALUES (:reason, :min, :max, :alone, :within, :active, :by, :now)
                """).param("reason", reason.name()).param("min", settings.minAge()).param("max", settings.maxAge())
                .param("alone", settings.livingAlone()).param("within", settings.withinDays())
                .param("active", settings.active()).param("by", user.username()).param("now", Timestamp.from(now))
                .update();
        return current(reason);
    }

    /** How many citizens the settings would select today, beside the rule in force. Counts only. */
    @Transactional(readOnly = true)
    public Preview preview(RiskReason reason, OutreachRule.Settings settings) {
        var inForce = current(reason);
        return new Preview(reason, evaluation.count(reason, settings),
                inForce.settings().active() ? evaluation.count(reason, inForce.settings()) : 0);
    }

    static OutreachRule rule(ResultSet rs, int row) throws SQLException {
        Timestamp superseded = rs.getTimestamp("superseded_at");
        var settings = new OutreachRule.Settings(integer(rs, "min_age"), integer(rs, "max_age"),
                rs.getBoolean("living_alone"), rs.getInt("within_days"), rs.getBoolean("active"));
        return new OutreachRule(rs.getLong("id"), RiskReason.valueOf(rs.getString("reason")), settings,
                rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
                superseded == null ? null : superseded.toInstant());
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}

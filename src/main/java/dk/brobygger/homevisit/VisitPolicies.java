package dk.brobygger.homevisit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The §79a policy in force, its history, and what a change would do. Only administrators change it;
 * every change is a new version, the old ones are kept.
 */
@Service
class VisitPolicies {

    /** One version of the policy: who set it and when. */
    public record Version(long id, VisitPolicy policy, String changedBy, Instant changedAt) {
    }

    /** How many citizens a policy selects in a year, in all and by rule; no citizen is named. */
    public record Preview(int year, long total, Map<String, Long> byRule) {
    }

    private final JdbcClient jdbc;
    private final Users users;
    private final ApplicationEventPublisher announcements;
    private final Clock clock;

    VisitPolicies(JdbcClient jdbc, Users users, ApplicationEventPublisher announcements, Clock clock) {
        this.announcements = announcements;
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Version current() {
        return jdbc.sql("SELECT * FROM homevisit_policy ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query(VisitPolicies::version).single();
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    public List<Version> history() {
        return jdbc.sql("SELECT * FROM homevisit_policy ORDER BY id DESC").query(VisitPolicies::version).list();
    }

    /** Puts a new policy in force (administrators only). */
    @Transactional
    public Version change(VisitPolicy policy) {
        var user = users.current().filter(u -> u.has(Role.ADMIN))
                .orElseThrow(() -> new AccessDeniedException("Only administrators change the §79a rules"));
        jdbc.sql("""
                INSERT INTO homevisit_policy (alone_age, turning_ages, yearly_from, risk_from, risk_to,
                                              exempt_home_care, note, changed_by, changed_at)
                VALUES (:alone, :turning, :yearly, :riskFrom, :riskTo, :exempt, :note, :by, :at)
                """).param("alone", policy.aloneAge()).param("turning", policy.turningAgesText())
                .param("yearly", policy.yearlyFrom()).param("riskFrom", policy.riskFrom())
                .param("riskTo", policy.riskTo()).param("exempt", policy.exemptHomeCare())
                .param("note", policy.note()).param("by", user.username())
                .param("at", Timestamp.from(clock.instant())).update();
        announcements.publishEvent(new VisitPolicyChanged());
        return current();
    }

    /** How many citizens the policy would select in the year: counts only, so it needs no access to anyone. */
    @Transactional(readOnly = true)
    public Preview preview(VisitPolicy policy, int year) {
        var query = new DueQuery(policy, year, referenceDay(year, LocalDate.now(clock)));
        Map<String, Long> byRule = new TreeMap<>();
        jdbc.sql(query.countByRule()).params(query.params())
                .query((rs, row) -> byRule.put(rs.getString("rule"), rs.getLong("citizens"))).list();
        return new Preview(year, byRule.values().stream().mapToLong(Long::longValue).sum(), byRule);
    }

    /**
     * The day home care is looked at for the exemption: today in the current year, 1 January for a
     * year ahead, 31 December for a year gone.
     */
    static LocalDate referenceDay(int year, LocalDate today) {
        if (year == today.getYear()) {
            return today;
        }
        return year > today.getYear() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
    }

    private static Version version(ResultSet rs, int row) throws SQLException {
        var policy = VisitPolicy.stored(integer(rs, "alone_age"), rs.getString("turning_ages"),
                integer(rs, "yearly_from"), integer(rs, "risk_from"), integer(rs, "risk_to"),
                rs.getBoolean("exempt_home_care"), rs.getString("note"));
        return new Version(rs.getLong("id"), policy, rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}

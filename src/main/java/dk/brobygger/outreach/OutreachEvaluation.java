package dk.brobygger.outreach;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns life events and standing factors into outreach items, set-based: one INSERT ... SELECT per
 * event rule over all events, one query per standing factor over all citizens, so the whole evaluation
 * is a handful of statements however many citizens there are. A new event runs the same statement
 * narrowed to that event. Each rule is a birth-date range and flags on the citizen table, which this
 * reads directly as a report query (the citizen module has no bulk API, and need-to-know is about
 * people seeing citizens, not about the system choosing whom to look at).
 */
@Component
class OutreachEvaluation {

    private static final Logger log = LoggerFactory.getLogger(OutreachEvaluation.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    OutreachEvaluation(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Every rule in force over every citizen and event; the number of new items. Runs every night too. */
    @Scheduled(cron = "${brobygger.outreach.evaluation-cron:0 30 5 * * *}", zone = "Europe/Copenhagen")
    @Transactional
    public int evaluateAll() {
        long start = System.nanoTime();
        int created = 0;
        for (OutreachRule rule : rulesInForce()) {
            created += rule.reason().kind() == RiskReason.Kind.EVENT ? events(rule, null) : factor(rule);
        }
        log.info("Outreach evaluation: {} new items in {} ms", created, (System.nanoTime() - start) / 1_000_000);
        return created;
    }

    /** The rule for the event's type, on this one event: at most one new item. */
    @Transactional
    public int evaluateEvent(UUID lifeEvent, RiskReason type) {
        return rulesInForce().stream().filter(rule -> rule.reason() == type).mapToInt(rule -> events(rule, lifeEvent))
                .sum();
    }

    /** How many citizens the settings select today, whether or not they are on the list already. */
    long count(RiskReason reason, OutreachRule.Settings settings) {
        var params = new HashMap<String, Object>();
        String who = citizens(settings, params);
        if (reason.kind() == RiskReason.Kind.EVENT) {
            params.put("reason", reason.name());
            params.put("since", today().minusDays(settings.withinDays()));
            return jdbc.sql("""
                    SELECT COUNT(DISTINCT e.citizen_id) FROM life_event e JOIN citizen c ON c.id = e.citizen_id
                     WHERE e.type = :reason AND e.withdrawn_at IS NULL AND e.occurred_on >= :since
                    """ + who).params(params).query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM citizen c WHERE " + factor(reason) + who).params(params)
                .query(Long.class).single();
    }

    private List<OutreachRule> rulesInForce() {
        return jdbc.sql("SELECT * FROM outreach_rule WHERE superseded_at IS NULL AND active = TRUE ORDER BY id")
                .query(OutreachRules::rule).list();
    }

    private int events(OutreachRule rule, @Nullable UUID lifeEvent) {
        var params = new HashMap<String, Object>();
        String who = citizens(rule.settings(), params);
        params.put("reason", rule.reason().name());
        params.put("rule", rule.id());
        params.put("since", today().minusDays(rule.settings().withinDays()));
        params.put("now", Timestamp.from(clock.instant()));
        if (lifeEvent != null) {
            params.put("event", lifeEvent);
        }
        // The item takes the event's id: one item per event, and no id generation in SQL.
        return jdbc.sql("""
                INSERT INTO outreach_item (id, citizen_id, reason, rule_id, life_event_id, reason_date, status, created_at)
                SELECT e.id, e.citizen_id, e.type, :rule, e.id, e.occurred_on, 'OPEN', :now
                  FROM life_event e JOIN citizen c ON c.id = e.citizen_id
                 WHERE e.type = :reason AND e.withdrawn_at IS NULL AND e.occurred_on >= :since
                   AND NOT EXISTS (SELECT 1 FROM outreach_item i WHERE i.life_event_id = e.id)
                   AND NOT EXISTS (SELECT 1 FROM outreach_item o WHERE o.citizen_id = e.citizen_id
                                     AND o.reason = e.type AND o.status = 'OPEN')
                """ + (lifeEvent == null ? "" : " AND e.id = :event") + who).params(params).update();
    }

    private int factor(OutreachRule rule) {
        var params = new HashMap<String, Object>();
        String who = citizens(rule.settings(), params);
        params.put("reason", rule.reason().name());
        params.put("since", Timestamp.from(clock.instant().minusSeconds(86_400L * rule.settings().withinDays())));
        List<UUID> found = jdbc.sql("""
                SELECT c.id FROM citizen c
                 WHERE NOT EXISTS (SELECT 1 FROM outreach_item i WHERE i.citizen_id = c.id AND i.reason = :reason
                                     AND (i.status = 'OPEN' OR i.created_at >= :since))
                   AND\s""" + factor(rule.reason()) + who).params(params).query(UUID.class).list();
        LocalDate today = today();
        Instant now = clock.instant();
        batch.batchUpdate("""
                INSERT INTO outreach_item (id, citizen_id, reason, rule_id, reason_date, status, created_at)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?)
                """, found, 1_000, (statement, citizen) -> {
            statement.setObject(1, UUID.randomUUID());
            statement.setObject(2, citizen);
            statement.setString(3, rule.reason().name());
            statement.setLong(4, rule.id());
            statement.setObject(5, today);
            statement.setObject(6, now.atOffset(ZoneOffset.UTC));
        });
        return found.size();
    }

    /** The standing factor as a condition on the citizen row. */
    private static String factor(RiskReason reason) {
        return switch (reason) {
            case MAN_LIVING_ALONE -> "c.sex = 'MALE' AND c.living_situation = 'ALONE'";
            case OTHER_ETHNIC_BACKGROUND -> "c.language IS NOT NULL AND LOWER(c.language) NOT IN ('dansk', 'da', 'danish')";
            default -> throw new IllegalArgumentException(reason + " is not a standing factor");
        };
    }

    /** Age span and living alone as conditions on the citizen row; ages as birth-date bounds. */
    private String citizens(OutreachRule.Settings settings, Map<String, Object> params) {
        var where = new StringBuilder();
        if (settings.minAge() != null) {
            where.append(" AND c.birth_date <= :bornBy");
            params.put("bornBy", today().minusYears(settings.minAge()));
        }
        if (settings.maxAge() != null) {
            where.append(" AND c.birth_date > :bornAfter");
            params.put("bornAfter", today().minusYears(settings.maxAge() + 1L));
        }
        if (settings.livingAlone()) {
            where.append(" AND c.living_situation = 'ALONE'");
        }
        return where.toString();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}

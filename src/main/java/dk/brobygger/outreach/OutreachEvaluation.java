package dk.brobygger.outreach;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DanishTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns life events and standing factors into outreach items, set-based: one INSERT ... SELECT per
 * event rule over all events, one query per standing factor over all citizens, so the whole evaluation
 * is a handful of statements however many citizens there are. A new event runs the same statement
 * narrowed to that event. Each rule is a birth-date range and flags on the citizen, read through the
 * citizen module's published {@code citizen_register_view} as a report query (need-to-know is about
 * people seeing citizens, not about the system choosing whom to look at).
 */
@Component
class OutreachEvaluation {

    private static final Logger log = LoggerFactory.getLogger(OutreachEvaluation.class);

    /** The lock the nightly run and a run by hand share. */
    static final String JOB = "outreach-evaluation";

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final ApplicationEventPublisher announcements;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int threads;
    private final String analyze;

    OutreachEvaluation(JdbcClient jdbc, ClusterJobs jobs, ApplicationEventPublisher announcements, DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
            @Value("${brobygger.outreach.evaluation-threads:2}") int threads) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.announcements = announcements;
        this.batch = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.threads = Math.max(1, threads);
        this.analyze = analyzeStatement(dataSource);
    }

    /** The nightly run, on one node of several ({@link ClusterJobs}). */
    @Scheduled(cron = "${brobygger.outreach.evaluation-cron:0 30 5 * * *}", zone = DanishTime.NAME)
    void nightly() {
        jobs.scheduled(JOB, this::evaluateNow);
    }

    /**
     * Runs the evaluation now, as somebody asked: refused with {@link ClusterJobs.JobAlreadyRunning} while it runs
     * on any node. Returns the number of new items.
     */
    public int evaluateAll() {
        return jobs.byHand(JOB, this::evaluateNow);
    }

    /**
     * Every rule in force over every citizen and event; the number of new items. Runs every night too.
     * The rules touch different reasons, so they run side by side ({@code brobygger.outreach.evaluation-threads},
     * default 2), each in its own transaction: the first evaluation over a million citizens makes hundreds
     * of thousands of items, and that is database work a second core halves. A rule that fails leaves the
     * others' items in place, and the next run, which makes only what is missing, completes the work.
     */
    private int evaluateNow() {
        long start = System.nanoTime();
        var rules = transaction.execute(status -> rulesInForce());
        int created = 0;
        try (var executor = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, rules.size())))) {
            var results = rules.stream().map(rule -> executor.submit(() -> transaction.execute(status ->
                    rule.reason().kind() == RiskReason.Kind.EVENT ? events(rule, null) : factor(rule)))).toList();
            for (Future<Integer> result : results) {
                created += result.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Outreach evaluation interrupted", e);
        }
        if (created > 0) {
            jdbc.sql(analyze).update();
        }
        int made = created;
        transaction.executeWithoutResult(status -> announcements.publishEvent(new OutreachEvaluated(made)));
        log.info("Outreach evaluation: {} new items in {} ms", created, (System.nanoTime() - start) / 1_000_000);
        return created;
    }

    /**
     * Statistics for the items table after new items, so the next evaluation is planned for the table as it
     * is: the first run over 1,000,000 citizens takes it from empty to 340,000 rows at once, and until
     * autovacuum analyses it (never, where it is switched off) PostgreSQL planned the next run for an empty
     * table, which then ran past the 30 s statement timeout. Sampling the table costs well under a second.
     */
    private static String analyzeStatement(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equals(product) ? "ANALYZE outreach_item" : "ANALYZE TABLE outreach_item";
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database holds the outreach items", e);
        }
    }

    /** The rule for the event's type, on this one event: at most one new item. */
    @Transactional
    public int evaluateEvent(UUID lifeEvent, RiskReason type) {
        int created = rulesInForce().stream().filter(rule -> rule.reason() == type)
                .mapToInt(rule -> events(rule, lifeEvent)).sum();
        if (created > 0) {
            // The item takes the event's id (see events).
            jdbc.sql("SELECT citizen_id FROM outreach_item WHERE id = :item").param("item", lifeEvent)
                    .query(UUID.class).optional().ifPresent(citizen ->
                            announcements.publishEvent(new OutreachItemOpened(lifeEvent, new CitizenId(citizen))));
        }
        return created;
    }

    /** How many citizens the settings select today, whether or not they are on the list already. */
    long count(RiskReason reason, OutreachRule.Settings settings) {
        var params = new HashMap<String, Object>();
        String who = citizens(settings, params);
        if (reason.kind() == RiskReason.Kind.EVENT) {
            params.put("reason", reason.name());
            params.put("since", today().minusDays(settings.withinDays()));
            return jdbc.sql("""
                    SELECT COUNT(DISTINCT e.citizen_id) FROM life_event e JOIN citizen_register_view c ON c.id = e.citizen_id
                     WHERE e.type = :reason AND e.withdrawn_at IS NULL AND e.occurred_on >= :since
                    """ + who).params(params).query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM citizen_register_view c WHERE " + factor(reason) + who).params(params)
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
        // The item takes the event's id: one item per event, and no id generation in SQL. A citizen with
        // several new events of the type gets one item, for the newest: the statement does not see its own
        // inserts, so the check for an open item alone would let each of them through.
        return jdbc.sql("""
                INSERT INTO outreach_item (id, citizen_id, reason, rule_id, life_event_id, reason_date, status, created_at)
                SELECT n.id, n.citizen_id, n.type, :rule, n.id, n.occurred_on, 'OPEN', :now
                  FROM (SELECT e.id, e.citizen_id, e.type, e.occurred_on,
                               ROW_NUMBER() OVER (PARTITION BY e.citizen_id ORDER BY e.occurred_on DESC, e.id DESC) AS newest
                          FROM life_event e JOIN citizen_register_view c ON c.id = e.citizen_id
                         WHERE e.type = :reason AND e.withdrawn_at IS NULL AND e.occurred_on >= :since
                           AND NOT EXISTS (SELECT 1 FROM outreach_item i WHERE i.life_event_id = e.id)
                           AND NOT EXISTS (SELECT 1 FROM outreach_item o WHERE o.citizen_id = e.citizen_id
                                             AND o.reason = e.type AND o.status = 'OPEN')
                """ + (lifeEvent == null ? "" : " AND e.id = :event") + who + ") n WHERE n.newest = 1")
                .params(params).update();
    }

    private int factor(OutreachRule rule) {
        var params = new HashMap<String, Object>();
        String who = citizens(rule.settings(), params);
        params.put("reason", rule.reason().name());
        params.put("since", Timestamp.from(clock.instant().minusSeconds(86_400L * rule.settings().withinDays())));
        List<UUID> found = jdbc.sql("""
                SELECT c.id FROM citizen_register_view c
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
        // An anonymised citizen (retention) is nobody to reach out to.
        var where = new StringBuilder(" AND c.anonymised_at IS NULL");
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

package dk.brobygger.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.access.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sletning af gammel logning: every night, removes the audit records older than
 * {@code brobygger.audit.retention} and leaves what remains verifiable.
 *
 * <p>How long the log is kept is the municipality's decision under the law that applies to the data it
 * documents, so it is configurable. The default, 10 years ({@code P10Y}), is chosen to outlast the records
 * the log is about: records of health care must be kept at least 10 years in Denmark (the journal rules
 * under sundhedsloven), and the data protection rules (GDPR art. 5(1)(e), databeskyttelsesloven) forbid
 * keeping personal data — and the log is personal data — longer than needed. The data protection officer
 * should confirm the period before production.
 *
 * <p>Each stripe loses a prefix: its oldest records, up to the first record that is still within the period.
 * The stripe's anchor then takes the position, id and hash of the last removed record and counts the
 * removed records, and verification starts from the anchor. Before a part is removed it is verified;
 * a broken part is kept (removing it would hide the tampering) and the refusal is logged. The job writes
 * an audit record of its own every time it runs.
 */
@Component
class AuditRetention {

    /** Records removed per transaction, so that a stripe's head is never locked for long. */
    static final int CHUNK = 10_000;

    static final String SYSTEM_USER = "system";

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

    /** The lock of the nightly run. */
    static final String JOB = "audit-retention";

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final AuditLog log;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Period retention;

    AuditRetention(DataSource dataSource, ClusterJobs jobs, AuditLog log, PlatformTransactionManager transactions, Clock clock,
            @Value("${brobygger.audit.retention:P10Y}") Period retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("brobygger.audit.retention must be a positive period, e.g. P10Y");
        }
        this.jdbc = JdbcClient.create(dataSource);
        this.jobs = jobs;
        this.log = log;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retention = retention;
    }

    /** The nightly run, on one node of several ({@link ClusterJobs}). */
    @Scheduled(cron = "${brobygger.audit.retention-cron:0 30 2 * * *}", zone = DanishTime.NAME)
    void removeExpiredNightly() {
        jobs.scheduled(JOB, this::removeExpired);
    }

    /** What one run did: records removed, and the stripes kept whole because they did not verify. */
    record Outcome(long removed, int brokenStripes) {
    }

    Outcome removeExpired() {
        Instant cutoff = clock.instant().atZone(clock.getZone()).minus(retention).toInstant();
        long removed = 0;
        int broken = 0;
        var stripes = jdbc.sql("SELECT stripe FROM audit_stripe ORDER BY stripe").query(Integer.class).list();
        for (int stripe : stripes) {
            long chunk;
            do {
                Long removedNow = transactions.execute(status -> removeChunk(stripe, cutoff));
                chunk = removedNow == null ? 0 : removedNow;
                if (chunk < 0) {
                    broken++;
                    break;
                }
                removed += chunk;
            } while (chunk == CHUNK);
        }
        String before = DateTimeFormatter.ISO_LOCAL_DATE.format(cutoff.atZone(clock.getZone()));
        String purpose = broken == 0
                ? "Sletning af logposter ældre end " + retention + " (før " + before + "): " + removed + " poster fjernet"
                : "Sletning af logposter ældre end " + retention + " (før " + before + "): " + removed
                        + " poster fjernet; " + broken + " kæder ikke slettet, fordi de ikke kunne verificeres";
        long total = removed;
        int refused = broken;
        log.record(new AuditEntry(SYSTEM_USER, Role.ADMIN, null, null,
                AuditAction.DELETE, purpose, null, refused == 0 ? AuditOutcome.GRANTED : AuditOutcome.REFUSED));
        if (refused > 0) {
            LOG.error("Audit retention kept {} stripes that do not verify; run GET /api/audit/verify", refused);
        }
        return new Outcome(total, refused);
    }

    /** Removes up to {@link #CHUNK} expired records at the start of one stripe; -1 if that part is broken. */
    private long removeChunk(int stripe, Instant cutoff) {
        var head = jdbc.sql("""
                        SELECT anchor_position, anchor_id, anchor_hash, last_position FROM audit_stripe
                        WHERE stripe = :stripe FOR UPDATE""")
                .param("stripe", stripe)
                .query((rs, row) -> new Anchor(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)))
                .single();
        var firstKept = jdbc.sql("""
                        SELECT position FROM audit_record
                        WHERE stripe = :stripe AND position > :anchor AND recorded_at >= :cutoff
                        ORDER BY position FETCH FIRST 1 ROWS ONLY""")
                .param("stripe", stripe).param("anchor", head.position())
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .query(Long.class).optional();
        long end = Math.min(firstKept.map(position -> position - 1).orElse(head.lastPosition()), head.position() + CHUNK);
        if (end <= head.position()) {
            return 0;
        }
        var last = jdbc.sql("SELECT id, hash FROM audit_record WHERE stripe = :stripe AND position = :position")
                .param("stripe", stripe).param("position", end)
                .query((rs, row) -> new Anchor(end, rs.getLong(1), rs.getString(2), 0))
                .optional();
        if (last.isEmpty() || log.firstBroken(stripe, head.position(), head.id(), head.hash(), end, last.get().id(),
                last.get().hash()) != null) {
            return -1;
        }
        int deleted = jdbc.sql("DELETE FROM audit_record WHERE stripe = :stripe AND position > :anchor AND position <= :end")
                .param("stripe", stripe).param("anchor", head.position()).param("end", end)
                .update();
        jdbc.sql("""
                        UPDATE audit_stripe SET anchor_position = :end, anchor_id = :id, anchor_hash = :hash,
                            removed = removed + :deleted
                        WHERE stripe = :stripe""")
                .param("end", end).param("id", last.get().id()).param("hash", last.get().hash())
                .param("deleted", deleted).param("stripe", stripe)
                .update();
        return deleted;
    }

    private record Anchor(long position, long id, String hash, long lastPosition) {
    }
}

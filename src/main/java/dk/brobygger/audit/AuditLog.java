package dk.brobygger.audit;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Logning: writes audit records and reads them back. Records are only ever appended; apart from
 * {@link AuditRetention}, which removes the oldest records once the law no longer requires them, the
 * application has no statement that updates or deletes one.
 *
 * <p>The log is {@link #stripes} hash chains ("stripes", table {@code audit_stripe}), so that concurrent
 * requests do not wait for each other: an append locks the first stripe that no other transaction holds
 * ({@code FOR UPDATE SKIP LOCKED}), links its record to that stripe's last record and moves the stripe's
 * head. Only when every stripe is busy does it wait, for a random one. Within a stripe, positions run
 * 1, 2, 3, ... without gaps; across stripes the id (a sequence) orders records in time. A transaction
 * that appends several times keeps to the stripe it already holds, so its records stay in order.
 *
 * <p>Recording joins the caller's transaction ({@link Propagation#MANDATORY}): the record commits together
 * with the access it describes, and if it cannot be written the exception rolls the caller's transaction
 * back and fails the request, so there is no unaudited access. MANDATORY rather than REQUIRED makes
 * forgetting the transaction a programming error instead of a silent second transaction that could commit
 * a change whose audit record then fails. Callers that only read personal data need a read-write
 * transaction too (PostgreSQL refuses inserts in a read-only one), and should record late in it: the stripe
 * stays locked until the transaction ends.
 */
@Service
public class AuditLog {

    static final int VERIFY_BATCH = 10_000;

    /** Positions per unit of verification work; units are checked in parallel and stitched together. */
    static final int VERIFY_CHUNK = 50_000;

    private static final String COLUMNS = """
            id, recorded_at, username, user_role, team, citizen_id, action, purpose, client_address, outcome,
            previous_hash, hash""";

    private static final String INSERT = "INSERT INTO audit_record (" + COLUMNS + ", stripe, position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate insert;
    private final JdbcClient streaming;
    private final Clock clock;
    private final Users users;
    private final Dialect dialect;
    private final int stripes;
    private final int verifyThreads;

    AuditLog(DataSource dataSource, Clock clock, Users users,
            @Value("${brobygger.audit.stripes:32}") int stripes,
            @Value("${brobygger.audit.verify-threads:0}") int verifyThreads) {
        this.jdbc = JdbcClient.create(dataSource);
        this.insert = new JdbcTemplate(dataSource);
        var fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(VERIFY_BATCH);
        this.streaming = JdbcClient.create(fetching);
        this.clock = clock;
        this.users = users;
        this.dialect = Dialect.of(dataSource);
        if (stripes < 1) {
            throw new IllegalArgumentException("brobygger.audit.stripes must be at least 1");
        }
        this.stripes = stripes;
        this.verifyThreads = verifyThreads > 0 ? verifyThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /** Appends one entry to the log, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditRecord record(AuditEntry entry) {
        var head = lockStripe(true);
        Instant now = AuditHash.stored(clock.instant());
        long id = head.nextId() > 0 ? head.nextId() : ids(1)[0];
        long position = head.lastPosition() + 1;
        var record = new AuditRecord(id, now, entry, head.lastHash(), new AuditHash().hash(id, now, entry, head.lastHash()));
        int written = dialect == Dialect.POSTGRESQL
                ? insert.update(Dialect.POSTGRESQL_APPEND, statement -> {
                    statement.setLong(1, id);
                    statement.setString(2, record.hash());
                    statement.setInt(3, head.stripe());
                    statement.setLong(4, head.lastPosition());
                    bind(statement, 4, record);
                    statement.setInt(17, head.stripe());
                    statement.setLong(18, position);
                })
                : appendPortably(head, List.of(record));
        if (written != 1) {
            throw new IllegalStateException("The audit stripe head moved while it was locked");
        }
        return record;
    }

    /** Appends several entries at once, in order, to one stripe: one lock and one batch insert for them all. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditRecord> recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        var head = lockStripe(false);
        Instant now = AuditHash.stored(clock.instant());
        long[] ids = ids(entries.size());
        var hash = new AuditHash();
        var records = new ArrayList<AuditRecord>(entries.size());
        String previous = head.lastHash();
        for (int i = 0; i < ids.length; i++) {
            String current = hash.hash(ids[i], now, entries.get(i), previous);
            records.add(new AuditRecord(ids[i], now, entries.get(i), previous, current));
            previous = current;
        }
        if (appendPortably(head, records) != 1) {
            throw new IllegalStateException("The audit stripe head moved while it was locked");
        }
        return records;
    }

    /** Inserts the records after the stripe's head and moves the head; returns 1 if the head moved. */
    private int appendPortably(StripeHead head, List<AuditRecord> records) {
        insert.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                bind(statement, 0, records.get(i));
                statement.setInt(13, head.stripe());
                statement.setLong(14, head.lastPosition() + 1 + i);
            }

            @Override
            public int getBatchSize() {
                return records.size();
            }
        });
        var last = records.getLast();
        return jdbc.sql("""
                        UPDATE audit_stripe SET last_position = :position, last_id = :id, last_hash = :hash
                        WHERE stripe = :stripe AND last_position = :before""")
                .param("position", head.lastPosition() + records.size()).param("id", last.id())
                .param("hash", last.hash()).param("stripe", head.stripe()).param("before", head.lastPosition())
                .update();
    }

    /**
     * Locks a stripe for this transaction: the one it already holds, else the first one nobody else holds,
     * else (every stripe busy) it waits for a random one.
     */
    private StripeHead lockStripe(boolean withId) {
        var held = HeldStripe.current();
        if (held != null) {
            return lock(held.stripe);
        }
        var free = jdbc.sql(withId ? dialect.lockFreeStripeWithId : dialect.lockFreeStripe)
                .param("stripes", stripes)
                .query((rs, row) -> new StripeHead(rs.getInt(1), rs.getLong(2), rs.getString(3), withId ? rs.getLong(4) : 0))
                .optional();
        var head = free.orElseGet(() -> lock(1 + ThreadLocalRandom.current().nextInt(stripes)));
        HeldStripe.remember(head.stripe());
        return head;
    }

    /** Waits for the stripe (stripe 1 if the setting names more stripes than the table has). */
    private StripeHead lock(int stripe) {
        return jdbc.sql("SELECT stripe, last_position, last_hash FROM audit_stripe WHERE stripe = :stripe FOR UPDATE")
                .param("stripe", stripe)
                .query((rs, row) -> new StripeHead(rs.getInt(1), rs.getLong(2), rs.getString(3), 0))
                .optional()
                .orElseGet(() -> stripe == 1 ? failNoStripes() : lock(1));
    }

    private static StripeHead failNoStripes() {
        throw new IllegalStateException("The audit log has no stripes: table audit_stripe is empty");
    }

    /**
     * The stripe the current transaction holds. Kept as one of the transaction's synchronizations, so it
     * is suspended with the transaction: a nested REQUIRES_NEW transaction takes a stripe of its own.
     */
    private record HeldStripe(int stripe) implements TransactionSynchronization {

        static @Nullable HeldStripe current() {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                return null;
            }
            for (var synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (synchronization instanceof HeldStripe held) {
                    return held;
                }
            }
            return null;
        }

        static void remember(int stripe) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new HeldStripe(stripe));
            }
        }
    }

    private long[] ids(int count) {
        var ids = jdbc.sql(dialect.nextIds).param("count", count).query(Long.class).list();
        return ids.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * Walks every stripe from its anchor to its head, recomputing every hash, and says whether the log
     * is intact, how many records it holds and the lowest id where it breaks. The stripes are cut into
     * ranges of {@value #VERIFY_CHUNK} positions that are checked in parallel, each by a forward-only
     * stream in constant memory, then stitched: a range's first record must link to the previous range's
     * last. Records appended while it runs are not part of the walk.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ChainVerification verify() {
        var heads = jdbc.sql("""
                        SELECT stripe, last_position, last_id, last_hash, anchor_position, anchor_id, anchor_hash
                        FROM audit_stripe ORDER BY stripe""")
                .query((rs, row) -> new StripeState(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getString(7)))
                .list();
        var work = new ArrayList<List<Future<ChainSegment>>>();
        try (var pool = Executors.newFixedThreadPool(verifyThreads, Thread.ofPlatform().name("audit-verify-", 1).factory())) {
            for (var head : heads) {
                var segments = new ArrayList<Future<ChainSegment>>();
                for (long from = head.anchorPosition() + 1; from <= head.lastPosition(); from += VERIFY_CHUNK) {
                    long start = from;
                    long end = Math.min(from + VERIFY_CHUNK - 1, head.lastPosition());
                    segments.add(pool.submit(() -> walk(head.stripe(), start, end)));
                }
                work.add(segments);
            }
            long records = 0;
            Long firstBroken = null;
            for (int i = 0; i < heads.size(); i++) {
                var stripe = new StripeWalk(heads.get(i));
                for (var segment : work.get(i)) {
                    stripe.append(segment.get());
                }
                records += stripe.records;
                Long broken = stripe.end();
                if (broken != null && (firstBroken == null || broken < firstBroken)) {
                    firstBroken = broken;
                }
            }
            Long orphaned = firstWithoutHead(heads);
            if (orphaned != null) {
                records += jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE stripe NOT IN (:stripes)")
                        .param("stripes", heads.stream().map(StripeState::stripe).toList()).query(Long.class).single();
                firstBroken = firstBroken == null ? orphaned : Math.min(firstBroken, orphaned);
            }
            return new ChainVerification(firstBroken == null, records, firstBroken);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Verification of the audit log was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Verification of the audit log failed", e.getCause());
        }
    }

    /**
     * Checks one stripe from its anchor up to and including {@code end}, whose id and stored hash are given,
     * in this thread; for {@link AuditRetention}, which must not remove (and so hide) a broken part.
     *
     * @return the first broken id, or null if that part of the stripe is intact
     */
    @Nullable Long firstBroken(int stripe, long anchorPosition, long anchorId, String anchorHash, long end, long endId,
            String endHash) {
        var walk = new StripeWalk(new StripeState(stripe, end, endId, endHash, anchorPosition, anchorId, anchorHash));
        for (long from = anchorPosition + 1; from <= end; from += VERIFY_CHUNK) {
            walk.append(walk(stripe, from, Math.min(from + VERIFY_CHUNK - 1, end)));
        }
        return walk.end();
    }

    /**
     * Records in a stripe that has no head (its row in {@code audit_stripe} was deleted) would not be walked;
     * returns the lowest id of such records, or null. Uses the (stripe, position) index only.
     */
    private @Nullable Long firstWithoutHead(List<StripeState> heads) {
        var known = new java.util.HashSet<Integer>();
        heads.forEach(head -> known.add(head.stripe()));
        Integer highest = jdbc.sql("SELECT MAX(stripe) FROM audit_record").query(Integer.class).optional().orElse(null);
        Long first = null;
        for (int stripe = 1; highest != null && stripe <= highest; stripe++) {
            if (!known.contains(stripe)) {
                Long id = jdbc.sql("SELECT MIN(id) FROM audit_record WHERE stripe = :stripe").param("stripe", stripe)
                        .query(Long.class).optional().orElse(null);
                if (id != null && (first == null || id < first)) {
                    first = id;
                }
            }
        }
        return first;
    }

    private ChainSegment walk(int stripe, long from, long to) {
        var segment = new ChainSegment();
        for (long start = from; start <= to; start += VERIFY_BATCH) {
            // Positions have no gaps, so each batch is a plain range of the (stripe, position) index.
            streaming.sql("SELECT " + COLUMNS + ", position FROM audit_record"
                            + " WHERE stripe = :stripe AND position BETWEEN :from AND :to ORDER BY position")
                    .param("stripe", stripe).param("from", start).param("to", Math.min(start + VERIFY_BATCH - 1, to))
                    .query(segment::next);
        }
        return segment;
    }

    /**
     * "Hvem har set mine data": every granted access to one citizen's record, newest first, ready to be
     * told in plain Danish. Refused attempts are left out, as nobody saw anything.
     */
    @Transactional(readOnly = true)
    public List<CitizenAccess> accessesTo(UUID citizenId) {
        var names = new HashMap<String, String>();
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_record WHERE citizen_id = :citizen AND outcome = :granted"
                        + " ORDER BY id DESC")
                .param("citizen", citizenId).param("granted", AuditOutcome.GRANTED.name())
                .query((rs, row) -> map(rs))
                .list().stream()
                .map(record -> CitizenAccess.of(record, names.computeIfAbsent(record.entry().username(),
                        username -> users.find(username).map(BrobyggerUser::displayName).orElse(username))))
                .toList();
    }

    /** Sets the record's twelve columns, in {@link #COLUMNS} order, as parameters {@code after + 1} onwards. */
    private static void bind(PreparedStatement statement, int after, AuditRecord record) throws SQLException {
        var entry = record.entry();
        statement.setLong(after + 1, record.id());
        statement.setObject(after + 2, OffsetDateTime.ofInstant(record.recordedAt(), ZoneOffset.UTC));
        statement.setString(after + 3, entry.username());
        statement.setString(after + 4, entry.role().name());
        statement.setString(after + 5, entry.team());
        statement.setObject(after + 6, entry.citizenId());
        statement.setString(after + 7, entry.action().name());
        statement.setString(after + 8, entry.purpose());
        statement.setString(after + 9, entry.clientAddress());
        statement.setString(after + 10, entry.outcome().name());
        statement.setString(after + 11, record.previousHash());
        statement.setString(after + 12, record.hash());
    }

    static AuditRecord map(ResultSet rs) throws SQLException {
        var entry = new AuditEntry(rs.getString("username"), Role.valueOf(rs.getString("user_role")),
                rs.getString("team"), rs.getObject("citizen_id", UUID.class),
                AuditAction.valueOf(rs.getString("action")), rs.getString("purpose"),
                rs.getString("client_address"), AuditOutcome.valueOf(rs.getString("outcome")));
        return new AuditRecord(rs.getLong("id"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                entry, rs.getString("previous_hash"), rs.getString("hash"));
    }

    static String columns() {
        return COLUMNS;
    }

    /** The SQL that differs between PostgreSQL and H2: taking ids from the sequence, and appending in one statement. */
    private enum Dialect {
        POSTGRESQL("""
                WITH head AS (SELECT stripe, last_position, last_hash FROM audit_stripe WHERE stripe <= :stripes
                              ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED)
                SELECT stripe, last_position, last_hash, nextval('audit_record_id') FROM head""",
                "SELECT nextval('audit_record_id') FROM generate_series(1, :count)"),
        H2("""
                SELECT stripe, last_position, last_hash, 0 FROM audit_stripe WHERE stripe <= :stripes
                ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED""",
                "SELECT NEXT VALUE FOR audit_record_id FROM SYSTEM_RANGE(1, :count)");

        /** Inserts the record and moves the stripe's head in one round trip; inserts nothing if the head moved. */
        static final String POSTGRESQL_APPEND = """
                WITH moved AS (UPDATE audit_stripe SET last_position = last_position + 1, last_id = ?, last_hash = ?
                               WHERE stripe = ? AND last_position = ? RETURNING stripe)
                INSERT INTO audit_record (%s, stripe, position)
                SELECT ?, ?::timestamptz, ?, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ? FROM moved""".formatted(COLUMNS);

        final String lockFreeStripeWithId;
        final String lockFreeStripe;
        final String nextIds;

        Dialect(String lockFreeStripeWithId, String nextIds) {
            this.lockFreeStripeWithId = lockFreeStripeWithId;
            this.lockFreeStripe = """
                    SELECT stripe, last_position, last_hash FROM audit_stripe WHERE stripe <= :stripes
                    ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED""";
            this.nextIds = nextIds;
        }

        static Dialect of(DataSource dataSource) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
                return "PostgreSQL".equals(product) ? POSTGRESQL : H2;
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("Cannot tell which database holds the audit log", e);
            }
        }
    }

    /** A stripe's end as an append sees it; {@code nextId} is the id taken with it, or 0. */
    private record StripeHead(int stripe, long lastPosition, String lastHash, long nextId) {
    }

    /** A stripe as verification sees it: where it starts (the anchor) and where it ends (the head). */
    private record StripeState(int stripe, long lastPosition, long lastId, String lastHash, long anchorPosition,
            long anchorId, String anchorHash) {
    }

    /**
     * One range of positions of one stripe, walked on its own. Hashes are recomputed from the raw columns,
     * not from mapped objects, so a value the application could not even read (an unknown role, say) still
     * shows as tampering. The link from the range's first record to the record before it is left to
     * {@link StripeWalk}.
     */
    private static final class ChainSegment {

        private final AuditHash hash = new AuditHash();
        long records;
        long firstPosition = -1;
        long firstId;
        String firstPrevious = "";
        long lastPosition;
        long lastId;
        String lastHash = "";
        /** The first break inside the range, or -1. */
        long broken = -1;

        void next(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            long position = rs.getLong(13);
            String previous = rs.getString(11);
            String stored = rs.getString(12);
            records++;
            if (firstPosition < 0) {
                firstPosition = position;
                firstId = id;
                firstPrevious = previous;
            } else if (broken < 0 && (position != lastPosition + 1)) {
                broken = lastId + 1;
            } else if (broken < 0 && !previous.equals(lastHash)) {
                broken = id;
            }
            if (broken < 0) {
                String computed = hash.hash(id, rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), previous);
                if (!computed.equals(stored)) {
                    broken = id;
                }
            }
            lastPosition = position;
            lastId = id;
            lastHash = stored;
        }
    }

    /** Stitches a stripe's ranges together in order, from the anchor to the head. */
    private static final class StripeWalk {

        private final StripeState state;
        long records;
        private long position;
        private long lastId;
        private String previous;
        private @Nullable Long broken;

        StripeWalk(StripeState state) {
            this.state = state;
            this.position = state.anchorPosition();
            this.lastId = state.anchorId();
            this.previous = state.anchorHash();
        }

        void append(ChainSegment segment) {
            records += segment.records;
            if (segment.records == 0) {
                return;
            }
            if (broken == null) {
                if (segment.firstPosition != position + 1) {
                    broken = lastId + 1;
                } else if (!segment.firstPrevious.equals(previous)) {
                    broken = segment.firstId;
                } else if (segment.broken >= 0) {
                    broken = segment.broken;
                }
            }
            position = segment.lastPosition;
            lastId = segment.lastId;
            previous = segment.lastHash;
        }

        /** The first broken id of this stripe, or null if it is intact up to its head. */
        @Nullable Long end() {
            if (broken == null && position != state.lastPosition()) {
                broken = lastId + 1;
            }
            if (broken == null && !previous.equals(state.lastHash())) {
                broken = state.lastId();
            }
            return broken;
        }
    }
}

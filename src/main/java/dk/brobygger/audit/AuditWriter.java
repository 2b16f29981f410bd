package dk.brobygger.audit;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the audit log. A caller hands its entries over and waits until they are committed;
 * {@code writers} threads take whatever entries are waiting at that moment and append them together, in
 * one transaction, to one stripe: one lock, one batch insert, one move of the stripe's head and one commit
 * for all of them. With one request at a time every record is a batch of its own; under load many
 * requests share one commit, which is what lets two cores append thousands of records a second.
 *
 * <p>The writers have a connection pool of their own (a copy of the application's settings). A request
 * waits for its record while it holds a connection of the application's pool; were the writers to draw
 * from that pool, enough waiting requests would leave them none.
 *
 * <p>A batch that fails (a purpose too long for its column, say) is retried one caller at a time, so one
 * caller's bad entry fails only that caller.
 */
final class AuditWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);

    private static final String INSERT = "INSERT INTO audit_record (" + AuditLog.columns() + ", stripe, position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Entries handed over by one call, and where that call waits for their records. */
    private record Pending(List<AuditEntry> entries, CompletableFuture<List<AuditRecord>> done) {
    }

    /** A stripe's end as a batch sees it after locking it, and the batch's ids if they came with the lock. */
    private record StripeHead(int stripe, long lastPosition, String lastHash, long @Nullable [] ids) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final @Nullable HikariDataSource ownPool;
    private final JdbcClient jdbc;
    private final JdbcTemplate insert;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Dialect dialect;
    private final int stripes;
    private final int maxBatch;
    private final Duration timeout;
    private final List<Thread> threads = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    AuditWriter(DataSource application, Clock clock, int stripes, int writers, int maxBatch, Duration timeout) {
        if (stripes < 1 || writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("brobygger.audit.stripes, writers and max-batch must be at least 1");
        }
        this.ownPool = ownPool(application, writers);
        DataSource dataSource = ownPool != null ? ownPool : application;
        this.jdbc = JdbcClient.create(dataSource);
        this.insert = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
        this.dialect = Dialect.of(dataSource);
        this.stripes = stripes;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        for (int i = 1; i <= writers; i++) {
            threads.add(Thread.ofPlatform().name("audit-writer-" + i).daemon().start(this::run));
        }
    }

    /**
     * A pool of {@code size} connections with the application pool's settings, or null when the application
     * does not use Hikari (then the writers share its data source, and a test with a tiny pool could starve).
     */
    private static @Nullable HikariDataSource ownPool(DataSource application, int size) {
        HikariDataSource hikari;
        try {
            hikari = application.isWrapperFor(HikariDataSource.class) ? application.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            hikari = null;
        }
        if (hikari == null) {
            return null;
        }
        var config = new HikariConfig();
        hikari.copyStateTo(config);
        config.setPoolName("audit-writer");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setReadOnly(false);
        config.setRegisterMbeans(false);
        if (config.getJdbcUrl() != null && config.getJdbcUrl().startsWith("jdbc:h2:") && config.getConnectionInitSql() == null) {
            // H2 gives up on a lock after one second; a writer waiting for a busy stripe should wait longer.
            config.setConnectionInitSql("SET LOCK_TIMEOUT 10000");
        }
        return new HikariDataSource(config);
    }

    /** Appends the entries, in order, and returns their records once they are committed. */
    List<AuditRecord> append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        if (closed) {
            throw new IllegalStateException("The audit log is shut down; nothing can be recorded");
        }
        var pending = new Pending(List.copyOf(entries), new CompletableFuture<>());
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            throw new IllegalStateException("The audit log is shut down; nothing can be recorded");
        }
        try {
            return pending.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("The audit record could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The audit record was not written within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the audit record was being written", e);
        }
    }

    /** How many calls are waiting for a writer to take them (for tests). */
    int waiting() {
        return queue.size();
    }

    /** How many writers are writing a batch just now (for tests). */
    int busy() {
        return busy.get();
    }

    private void run() {
        var batch = new ArrayList<Pending>();
        while (!closed || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                busy.incrementAndGet();
                batch.add(first);
                int entries = first.entries().size();
                Pending next;
                while (entries < maxBatch && (next = queue.peek()) != null && entries + next.entries().size() <= maxBatch
                        && queue.remove(next)) {
                    batch.add(next);
                    entries += next.entries().size();
                }
                write(batch);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                LOG.error("Audit writer failed unexpectedly; the waiting requests fail", e);
                batch.forEach(pending -> pending.done().completeExceptionally(e));
            } finally {
                if (!batch.isEmpty()) {
                    busy.decrementAndGet();
                }
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("The audit log shut down before this was recorded"));
        }
    }

    /** Writes the batch in one transaction; if that fails and it holds several callers, each on its own. */
    private void write(List<Pending> batch) {
        try {
            complete(batch, appendInOneTransaction(batch.stream().flatMap(p -> p.entries().stream()).toList()));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(e);
                return;
            }
            for (var pending : batch) {
                try {
                    pending.done().complete(appendInOneTransaction(pending.entries()));
                } catch (RuntimeException alone) {
                    pending.done().completeExceptionally(alone);
                }
            }
        }
    }

    private static void complete(List<Pending> batch, List<AuditRecord> records) {
        int from = 0;
        for (var pending : batch) {
            int to = from + pending.entries().size();
            pending.done().complete(records.subList(from, to));
            from = to;
        }
    }

    private List<AuditRecord> appendInOneTransaction(List<AuditEntry> entries) {
        var records = transactions.execute(status -> appendToOneStripe(entries));
        if (records == null) {
            throw new IllegalStateException("The audit transaction returned nothing");
        }
        return records;
    }

    /** Locks a stripe, links the entries to its last record and to each other, inserts them and moves the head. */
    private List<AuditRecord> appendToOneStripe(List<AuditEntry> entries) {
        var head = lockFreeStripe(entries.size())
                .orElseGet(() -> lock(1 + ThreadLocalRandom.current().nextInt(stripes), entries.size()));
        Instant now = AuditHash.stored(clock.instant());
        long[] ids = head.ids() != null ? head.ids() : ids(entries.size());
        var hash = new AuditHash();
        var records = new ArrayList<AuditRecord>(entries.size());
        String previous = head.lastHash();
        for (int i = 0; i < ids.length; i++) {
            String current = hash.hash(ids[i], now, entries.get(i), previous);
            records.add(new AuditRecord(ids[i], now, entries.get(i), previous, current));
            previous = current;
        }
        int moved = dialect == Dialect.POSTGRESQL ? insertAndMoveInOneStatement(head, now, records) : insertThenMove(head, records);
        if (moved != records.size()) {
            throw new IllegalStateException("The audit stripe head moved while it was locked");
        }
        return records;
    }

    /** Portable: a batch insert, then the head moves. Returns the number of records written if the head moved. */
    private int insertThenMove(StripeHead head, List<AuditRecord> records) {
        insert.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                bind(statement, records.get(i));
                statement.setInt(13, head.stripe());
                statement.setLong(14, head.lastPosition() + 1 + i);
            }

            @Override
            public int getBatchSize() {
                return records.size();
            }
        });
        var last = records.getLast();
        int moved = jdbc.sql("""
                        UPDATE audit_stripe SET last_position = :position, last_id = :id, last_hash = :hash
                        WHERE stripe = :stripe AND last_position = :before""")
                .param("position", head.lastPosition() + records.size()).param("id", last.id())
                .param("hash", last.hash()).param("stripe", head.stripe()).param("before", head.lastPosition())
                .update();
        return moved == 1 ? records.size() : 0;
    }

    /**
     * PostgreSQL: the head moves and every record is inserted in one statement (the records travel as one
     * array per column), so a batch costs three round trips in all: lock, this, commit.
     */
    private int insertAndMoveInOneStatement(StripeHead head, Instant now, List<AuditRecord> records) {
        var last = records.getLast();
        return insert.update(connection -> {
            var statement = connection.prepareStatement(Dialect.POSTGRESQL_APPEND);
            int n = records.size();
            var ids = new Long[n];
            var usernames = new String[n];
            var roles = new String[n];
            var teams = new String[n];
            var citizens = new java.util.UUID[n];
            var actions = new String[n];
            var purposes = new String[n];
            var addresses = new String[n];
            var outcomes = new String[n];
            var previous = new String[n];
            var hashes = new String[n];
            for (int i = 0; i < n; i++) {
                var record = records.get(i);
                var entry = record.entry();
                ids[i] = record.id();
                usernames[i] = entry.username();
                roles[i] = entry.role().name();
                teams[i] = entry.team();
                citizens[i] = entry.citizenId();
                actions[i] = entry.action().name();
                purposes[i] = entry.purpose();
                addresses[i] = entry.clientAddress();
                outcomes[i] = entry.outcome().name();
                previous[i] = record.previousHash();
                hashes[i] = record.hash();
            }
            statement.setLong(1, head.lastPosition() + n);
            statement.setLong(2, last.id());
            statement.setString(3, last.hash());
            statement.setInt(4, head.stripe());
            statement.setLong(5, head.lastPosition());
            statement.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            statement.setLong(7, head.lastPosition());
            statement.setArray(8, connection.createArrayOf("bigint", ids));
            statement.setArray(9, connection.createArrayOf("varchar", usernames));
            statement.setArray(10, connection.createArrayOf("varchar", roles));
            statement.setArray(11, connection.createArrayOf("varchar", teams));
            statement.setArray(12, connection.createArrayOf("uuid", citizens));
            statement.setArray(13, connection.createArrayOf("varchar", actions));
            statement.setArray(14, connection.createArrayOf("varchar", purposes));
            statement.setArray(15, connection.createArrayOf("varchar", addresses));
            statement.setArray(16, connection.createArrayOf("varchar", outcomes));
            statement.setArray(17, connection.createArrayOf("varchar", previous));
            statement.setArray(18, connection.createArrayOf("varchar", hashes));
            return statement;
        });
    }

    /** The first stripe nobody else holds, locked for this transaction (on PostgreSQL with the batch's ids). */
    private java.util.Optional<StripeHead> lockFreeStripe(int count) {
        return jdbc.sql(dialect.lockFreeStripe).param("stripes", stripes).param("count", count)
                .query((rs, row) -> head(rs))
                .optional();
    }

    /** Waits for the stripe (stripe 1 if the setting names more stripes than the table has). */
    private StripeHead lock(int stripe, int count) {
        return jdbc.sql(dialect.lockStripe).param("stripe", stripe).param("count", count)
                .query((rs, row) -> head(rs))
                .optional()
                .orElseGet(() -> stripe == 1 ? failNoStripes() : lock(1, count));
    }

    private StripeHead head(java.sql.ResultSet rs) throws SQLException {
        long @Nullable [] ids = null;
        if (dialect == Dialect.POSTGRESQL) {
            var array = (Long[]) rs.getArray(4).getArray();
            ids = new long[array.length];
            for (int i = 0; i < array.length; i++) {
                ids[i] = array[i];
            }
            java.util.Arrays.sort(ids);
        }
        return new StripeHead(rs.getInt(1), rs.getLong(2), rs.getString(3), ids);
    }

    private static StripeHead failNoStripes() {
        throw new IllegalStateException("The audit log has no stripes: table audit_stripe is empty");
    }

    private long[] ids(int count) {
        var ids = jdbc.sql(dialect.nextIds).param("count", count).query(Long.class).list();
        return ids.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Sets the record's twelve columns, in {@link AuditLog#columns()} order, as parameters 1 to 12. */
    private static void bind(PreparedStatement statement, AuditRecord record) throws SQLException {
        var entry = record.entry();
        statement.setLong(1, record.id());
        statement.setObject(2, OffsetDateTime.ofInstant(record.recordedAt(), ZoneOffset.UTC));
        statement.setString(3, entry.username());
        statement.setString(4, entry.role().name());
        statement.setString(5, entry.team());
        statement.setObject(6, entry.citizenId());
        statement.setString(7, entry.action().name());
        statement.setString(8, entry.purpose());
        statement.setString(9, entry.clientAddress());
        statement.setString(10, entry.outcome().name());
        statement.setString(11, record.previousHash());
        statement.setString(12, record.hash());
    }

    /** Stops taking entries, lets the writers finish what is queued, and closes their pool. */
    @Override
    public void close() {
        closed = true;
        for (var thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.forEach(Thread::interrupt);
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /** The SQL that differs between PostgreSQL and H2. */
    private enum Dialect {
        POSTGRESQL("""
                WITH head AS (SELECT stripe, last_position, last_hash FROM audit_stripe WHERE stripe <= :stripes
                              ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED)
                SELECT stripe, last_position, last_hash,
                    ARRAY(SELECT nextval('audit_record_id') FROM generate_series(1, :count)) FROM head""", """
                WITH head AS (SELECT stripe, last_position, last_hash FROM audit_stripe WHERE stripe = :stripe FOR UPDATE)
                SELECT stripe, last_position, last_hash,
                    ARRAY(SELECT nextval('audit_record_id') FROM generate_series(1, :count)) FROM head""",
                "SELECT nextval('audit_record_id') FROM generate_series(1, :count)"),
        H2("""
                SELECT stripe, last_position, last_hash FROM audit_stripe WHERE stripe <= :stripes
                ORDER BY stripe LIMIT 1 FOR UPDATE SKIP LOCKED""",
                "SELECT stripe, last_position, last_hash FROM audit_stripe WHERE stripe = :stripe FOR UPDATE",
                "SELECT NEXT VALUE FOR audit_record_id FROM SYSTEM_RANGE(1, :count)");

        /** Moves the head and inserts the batch, given as one array per column; inserts nothing if the head moved. */
        static final String POSTGRESQL_APPEND = """
                WITH moved AS (UPDATE audit_stripe SET last_position = ?, last_id = ?, last_hash = ?
                               WHERE stripe = ? AND last_position = ? RETURNING stripe)
                INSERT INTO audit_record (%s, stripe, position)
                SELECT r.id, ?::timestamptz, r.username, r.user_role, r.team, r.citizen_id, r.action, r.purpose,
                    r.client_address, r.outcome, r.previous_hash, r.hash, moved.stripe, ? + r.n
                FROM moved, unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[], ?::varchar[],
                    ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                    WITH ORDINALITY AS r(id, username, user_role, team, citizen_id, action, purpose, client_address,
                        outcome, previous_hash, hash, n)""".formatted(AuditLog.columns());

        final String lockFreeStripe;
        final String lockStripe;
        final String nextIds;

        Dialect(String lockFreeStripe, String lockStripe, String nextIds) {
            this.lockFreeStripe = lockFreeStripe;
            this.lockStripe = lockStripe;
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
}

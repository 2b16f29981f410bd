import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import dk.brobygger.BrobyggerApplication;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.audit.AuditEntry;
import dk.brobygger.audit.AuditLog;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit log benchmark on PostgreSQL: append throughput with the striped log against one chain (the old
 * design's single lock), and verification speed with 1 and more threads.
 *
 * <pre>
 * bench/run.sh audit                      # see bench/audit/run.sh
 * java -cp "target/classes:$(cat target/cp.txt)" bench/audit/AuditBenchmark.java [appends] [threads] [verifyRecords] [workMillis]
 * </pre>
 * It EMPTIES the audit log of the database in BROBYGGER_DB_URL first. Steps:
 * <ol>
 * <li>single appends, each {@code AuditLog.record} in its own transaction, from {@code threads} threads,
 *     with 32 stripes and with 1 stripe; then the same with {@code workMillis} of other work in the
 *     transaction after the append (a request that holds its transaction open a little longer);</li>
 * <li>the log is filled to {@code verifyRecords} with real, chained records through COPY (8 stripes,
 *     hashes computed with the application's own {@code AuditHash}), which is only a fast loader;</li>
 * <li>{@code AuditLog.verify()} with 1 thread and with the default (and 4) threads.</li>
 * </ol>
 */
public class AuditBenchmark {

    public static void main(String[] args) throws Exception {
        int appends = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        long verifyRecords = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        int workMillis = args.length > 3 ? Integer.parseInt(args[3]) : 2;

        // The source launcher loads this file in its own class loader; the application must use its own.
        Thread.currentThread().setContextClassLoader(BrobyggerApplication.class.getClassLoader());
        var app = new SpringApplication(BrobyggerApplication.class);
        app.setAdditionalProfiles("postgres");
        app.setDefaultProperties(Map.of("spring.profiles.default", "none", "logging.level.root", "warn",
                "spring.datasource.hikari.maximum-pool-size", Integer.toString(threads + 2), "server.port", "0"));
        try (var context = app.run()) {
            var dataSource = context.getBean(DataSource.class);
            var users = context.getBean(Users.class);
            var jdbc = context.getBean(JdbcClient.class);
            var transactions = context.getBean(TransactionTemplate.class);
            Constructor<AuditLog> make = AuditLog.class.getDeclaredConstructor(DataSource.class, Clock.class,
                    Users.class, int.class, int.class, int.class, int.class, java.time.Duration.class);
            make.setAccessible(true);
            var citizens = new ArrayList<UUID>();
            for (int i = 0; i < 1_000; i++) {
                citizens.add(UUID.randomUUID());
            }

            String verifyOnly = System.getenv("VERIFY_ONLY");
            if (verifyOnly != null && !verifyOnly.isBlank()) {
                // An experiment on a kept database (KEEP_DB=1): only verify, with the thread counts given.
                for (String n : verifyOnly.split(",")) {
                    var log = make.newInstance(dataSource, Clock.systemUTC(), users, 32, Integer.parseInt(n), 1, 500, Duration.ofSeconds(30));
                    verify(log, jdbc, Integer.parseInt(n));
                    log.destroy();
                }
                return;
            }

            // 1. Single appends, one per transaction: the request path. Writers x stripes, e.g. "2x32,4x32,1x1".
            String variants = System.getenv().getOrDefault("VARIANTS", "1x32,2x32,4x32");
            warmUp(make, dataSource, users, jdbc, transactions, citizens, threads, Math.max(appends / 2, 2_000));
            for (int work : new int[] {0, workMillis}) {
                for (String variant : variants.split(",")) {
                    int writers = Integer.parseInt(variant.split("x")[0]);
                    int stripes = Integer.parseInt(variant.split("x")[1]);
                    empty(jdbc, transactions);
                    var log = make.newInstance(dataSource, Clock.systemUTC(), users, stripes, 0, writers, 500,
                            Duration.ofSeconds(30));
                    int count = work == 0 ? appends : Math.max(appends / 4, 2_000);
                    var done = new AtomicLong();
                    var latencies = new long[count];
                    long cpuBefore = cpuNanos(jdbc);
                    long start = System.nanoTime();
                    try (var pool = Executors.newFixedThreadPool(threads)) {
                        for (int t = 0; t < threads; t++) {
                            pool.submit(() -> {
                                long n;
                                while ((n = done.getAndIncrement()) < count) {
                                    var entry = entry(citizens.get((int) (n % citizens.size())), n);
                                    long began = System.nanoTime();
                                    transactions.executeWithoutResult(status -> {
                                        log.record(entry);
                                        sleep(work);
                                    });
                                    latencies[(int) n] = System.nanoTime() - began;
                                }
                            });
                        }
                    }
                    java.util.Arrays.sort(latencies);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpuMicros = (cpuNanos(jdbc) - cpuBefore) / 1e3 / count;
                    long batches = jdbc.sql("SELECT COUNT(*) FROM (SELECT DISTINCT stripe, recorded_at FROM audit_record) b")
                            .query(Long.class).single();
                    System.out.printf("single appends, %d writer(s), %2d stripe(s), %d ms other work in the transaction:"
                            + " %,d in %.1f s = %,.0f records/s (%d threads); %.1f records per commit; CPU %.0f µs/append"
                            + " (JVM + PostgreSQL backends) = at most %,.0f appends/s on %d cores; transaction with its record"
                            + " p50 %.1f ms p99 %.1f ms; verify: %s%n", writers,
                            stripes, work, count, seconds, count / seconds, threads, (double) count / batches, cpuMicros,
                            Runtime.getRuntime().availableProcessors() * 1e6 / cpuMicros,
                            Runtime.getRuntime().availableProcessors(), latencies[count / 2] / 1e6,
                            latencies[(int) (count * 0.99)] / 1e6, log.verify());
                    log.destroy();
                }
            }

            // 2. Fill to verifyRecords through COPY: real chained records in 8 stripes.
            empty(jdbc, transactions);
            long start = System.nanoTime();
            fill(dataSource, jdbc, verifyRecords, citizens);
            System.out.printf("filled %,d records by COPY in %.1f s%n", verifyRecords, (System.nanoTime() - start) / 1e9);
            jdbc.sql("VACUUM ANALYZE audit_record").update();
            System.out.println("table size: " + jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('audit_record'))")
                    .query(String.class).single());

            // 3. Verify with 1 thread (the old walk's shape) and in parallel.
            for (int verifyThreads : new int[] {2, 1, 4}) {
                var log = make.newInstance(dataSource, Clock.systemUTC(), users, 32, verifyThreads, 1, 500, Duration.ofSeconds(30));
                verify(log, jdbc, verifyThreads);
                log.destroy();
            }
        }
    }

    /** The same appends, unmeasured, so that the first variant does not pay for the JIT compiler. */
    static void warmUp(Constructor<AuditLog> make, DataSource dataSource, Users users, JdbcClient jdbc,
            TransactionTemplate transactions, List<UUID> citizens, int threads, int count) throws Exception {
        empty(jdbc, transactions);
        var log = make.newInstance(dataSource, Clock.systemUTC(), users, 32, 0, 2, 500, Duration.ofSeconds(30));
        var done = new AtomicLong();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    long n;
                    while ((n = done.getAndIncrement()) < count) {
                        var entry = entry(citizens.get((int) (n % citizens.size())), n);
                        transactions.executeWithoutResult(status -> log.record(entry));
                    }
                });
            }
        }
        log.destroy();
        System.out.printf("warm-up: %,d appends%n", count);
    }

    /**
     * CPU time so far of this JVM and of the PostgreSQL backends serving this database, from /proc: on a
     * shared machine the CPU an append costs is steadier than its latency, and says what two free cores
     * could do.
     */
    static long cpuNanos(JdbcClient jdbc) {
        long nanos = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        for (int pid : jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
                .query(Integer.class).list()) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                nanos += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
            } catch (java.io.IOException | RuntimeException e) {
                // the backend ended in between
            }
        }
        return nanos;
    }

    static void verify(AuditLog log, JdbcClient jdbc, int threads) {
        long cpuBefore = cpuNanos(jdbc);
        long start = System.nanoTime();
        var result = log.verify();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuNanos(jdbc) - cpuBefore) / 1e9;
        System.out.printf("verify, %d thread(s): %s in %.1f s = %,.0f records/s; CPU %.1f s (JVM + PostgreSQL backends)"
                + " = %.2f µs/record%n", threads, result, seconds, result.records() / seconds, cpuSeconds,
                cpuSeconds * 1e6 / result.records());
    }

    static void empty(JdbcClient jdbc, TransactionTemplate transactions) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("TRUNCATE TABLE audit_record").update();
            jdbc.sql("""
                    UPDATE audit_stripe SET last_position = 0, last_id = 0, last_hash = :g, anchor_position = 0,
                        anchor_id = 0, anchor_hash = :g, removed = 0""").param("g", "0".repeat(64)).update();
            jdbc.sql("ALTER SEQUENCE audit_record_id RESTART WITH 1").update();
        });
    }

    /** Chained records as concurrent appends would leave them: ids in time order, spread over 8 stripes. */
    static void fill(DataSource dataSource, JdbcClient jdbc, long count, List<UUID> citizens) throws Exception {
        Class<?> hashType = Class.forName("dk.brobygger.audit.AuditHash", true, AuditLog.class.getClassLoader());
        var newHash = hashType.getDeclaredConstructor();
        newHash.setAccessible(true);
        Object hash = newHash.newInstance();
        Method compute = hashType.getDeclaredMethod("hash", long.class, Instant.class, AuditEntry.class, String.class);
        compute.setAccessible(true);
        int stripes = 8;
        long[] position = new long[stripes + 1];
        long[] lastId = new long[stripes + 1];
        String[] last = new String[stripes + 1];
        java.util.Arrays.fill(last, "0".repeat(64));
        Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(count / 1_000);
        try (var connection = dataSource.getConnection()) {
            var copy = new CopyManager(connection.unwrap(BaseConnection.class));
            var rows = new StringBuilder();
            for (long id = 1; id <= count; id++) {
                int stripe = 1 + (int) ((id / 7) % stripes);
                Instant at = base.plus(id, ChronoUnit.MILLIS);
                var entry = entry(citizens.get((int) (id % citizens.size())), id);
                String current = (String) compute.invoke(hash, id, at, entry, last[stripe]);
                position[stripe]++;
                rows.append(id).append(',').append(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).append(",\"")
                        .append(entry.username()).append("\",").append(entry.role()).append(",\"").append(entry.team())
                        .append("\",").append(entry.citizenId()).append(',').append(entry.action()).append(",\"")
                        .append(entry.purpose()).append("\",").append(entry.clientAddress()).append(',')
                        .append(entry.outcome()).append(',').append(last[stripe]).append(',').append(current)
                        .append(',').append(stripe).append(',').append(position[stripe]).append('\n');
                last[stripe] = current;
                lastId[stripe] = id;
                if (rows.length() > 16_000_000 || id == count) {
                    copy.copyIn("""
                            COPY audit_record (id, recorded_at, username, user_role, team, citizen_id, action, purpose,
                                client_address, outcome, previous_hash, hash, stripe, position) FROM STDIN WITH (FORMAT csv)""",
                            new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
        }
        for (int stripe = 1; stripe <= stripes; stripe++) {
            jdbc.sql("UPDATE audit_stripe SET last_position = :p, last_id = :id, last_hash = :h WHERE stripe = :s")
                    .param("p", position[stripe]).param("id", lastId[stripe]).param("h", last[stripe]).param("s", stripe)
                    .update();
        }
        jdbc.sql("SELECT setval('audit_record_id', :next, false)").param("next", count + 1).query(Long.class).single();
    }

    static void sleep(int millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static AuditEntry entry(UUID citizen, long n) {
        return AuditEntry.granted("hjemmebesog", Role.STAFF, "Forebyggende hjemmebesøg Vest", citizen,
                n % 10 == 0 ? AuditAction.UPDATE : AuditAction.READ,
                "Forebyggende hjemmebesøg, opfølgning på besøg nr. " + n, "10.20.30." + (n % 250));
    }
}

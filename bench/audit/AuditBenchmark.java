import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import dk.brobygger.BrobyggerApplication;
import dk.brobygger.access.Role;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.audit.AuditEntry;
import dk.brobygger.audit.AuditLog;

import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit log benchmark on PostgreSQL: append throughput and chain verification speed.
 *
 * <pre>
 * ./mvnw -q -B -o compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime -DskipFrontend=true
 * psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE brobygger_audit_bench'
 * BROBYGGER_DB_URL=jdbc:postgresql://127.0.0.1:5432/brobygger_audit_bench BROBYGGER_DB_USER=postgres \
 *   java -cp "target/classes:$(cat target/cp.txt)" bench/audit/AuditBenchmark.java [singleAppends] [threads] [verifyRecords]
 * </pre>
 * It EMPTIES the audit log of that database first. Defaults: 20,000 single appends from 8 threads,
 * then the chain is filled to 1,000,000 records through {@link AuditLog#recordAll} (real hashes,
 * 1,000 per transaction) and verified.
 */
public class AuditBenchmark {

    public static void main(String[] args) throws Exception {
        int singleAppends = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int verifyRecords = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;

        // The source launcher loads this file in its own class loader; the application must use its own.
        Thread.currentThread().setContextClassLoader(BrobyggerApplication.class.getClassLoader());
        var app = new SpringApplication(BrobyggerApplication.class);
        app.setAdditionalProfiles("postgres");
        app.setDefaultProperties(java.util.Map.of("spring.profiles.default", "none",
                "logging.level.root", "warn", "spring.datasource.hikari.maximum-pool-size", "16", "server.port", "0"));
        try (var context = app.run()) {
            var log = context.getBean(AuditLog.class);
            var jdbc = context.getBean(JdbcClient.class);
            var transactions = context.getBean(TransactionTemplate.class);
            transactions.executeWithoutResult(status -> {
                jdbc.sql("TRUNCATE TABLE audit_record").update();
                jdbc.sql("UPDATE audit_chain_head SET last_id = 0, last_hash = :g WHERE id = 1")
                        .param("g", "0".repeat(64)).update();
            });
            var citizens = new ArrayList<UUID>();
            for (int i = 0; i < 1_000; i++) {
                citizens.add(UUID.randomUUID());
            }

            // 1. Single appends, each in its own transaction, from several threads: the real request path.
            var done = new AtomicLong();
            long start = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(threads)) {
                for (int t = 0; t < threads; t++) {
                    pool.submit(() -> {
                        long n;
                        while ((n = done.getAndIncrement()) < singleAppends) {
                            var entry = entry(citizens.get((int) (n % citizens.size())), n);
                            transactions.executeWithoutResult(status -> log.record(entry));
                        }
                    });
                }
            }
            double singleSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("single appends: %,d in %.1f s = %,.0f records/s (%d threads)%n",
                    singleAppends, singleSeconds, singleAppends / singleSeconds, threads);

            // 2. Batched appends (recordAll, 1,000 per transaction) up to verifyRecords: the bulk path.
            start = System.nanoTime();
            long written = singleAppends;
            while (written < verifyRecords) {
                int size = (int) Math.min(1_000, verifyRecords - written);
                var batch = new ArrayList<AuditEntry>(size);
                for (int i = 0; i < size; i++) {
                    batch.add(entry(citizens.get((int) ((written + i) % citizens.size())), written + i));
                }
                transactions.executeWithoutResult(status -> log.recordAll(batch));
                written += size;
            }
            double batchSeconds = (System.nanoTime() - start) / 1e9;
            long batched = written - singleAppends;
            System.out.printf("batched appends: %,d in %.1f s = %,.0f records/s%n", batched, batchSeconds,
                    batched / batchSeconds);

            // 3. Verify the whole chain, twice (the second run has a warm JIT and page cache).
            for (int run = 1; run <= 2; run++) {
                start = System.nanoTime();
                var result = log.verify();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("verify run %d: %s in %.1f s = %,.0f records/s%n", run, result, seconds,
                        result.records() / seconds);
            }
            System.out.println("table size: " + jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('audit_record'))")
                    .query(String.class).single());
        }
    }

    static AuditEntry entry(UUID citizen, long n) {
        return AuditEntry.granted("hjemmebesog", Role.STAFF, "Forebyggende hjemmebesøg Vest", citizen,
                n % 10 == 0 ? AuditAction.UPDATE : AuditAction.READ,
                "Forebyggende hjemmebesøg, opfølgning på besøg nr. " + n, "10.20.30." + (n % 250));
    }
}

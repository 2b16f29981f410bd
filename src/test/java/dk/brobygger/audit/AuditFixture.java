package dk.brobygger.audit;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dk.brobygger.access.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Test help: an empty log, and entries recorded in their own transactions. */
@Component
class AuditFixture {

    /** As many stripes as the migration V66 creates. */
    static final int STRIPES = 32;

    private final JdbcClient jdbc;
    private final AuditLog log;
    private final TransactionTemplate transactions;

    AuditFixture(JdbcClient jdbc, AuditLog log, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.log = log;
        this.transactions = transactions;
    }

    /** Only tests start the chain over; the application cannot. */
    void emptyLog() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM audit_record").update();
            jdbc.sql("""
                            UPDATE audit_stripe SET last_position = 0, last_id = 0, last_hash = :genesis,
                                anchor_position = 0, anchor_id = 0, anchor_hash = :genesis, removed = 0""")
                    .param("genesis", AuditHash.GENESIS).update();
            jdbc.sql("ALTER SEQUENCE audit_record_id RESTART WITH 1").update();
            for (int stripe = 1; stripe <= STRIPES; stripe++) {
                jdbc.sql("""
                                INSERT INTO audit_stripe (stripe, last_position, last_id, last_hash, anchor_position,
                                    anchor_id, anchor_hash, removed)
                                SELECT :stripe, 0, 0, :genesis, 0, 0, :genesis, 0 FROM audit_stripe
                                WHERE NOT EXISTS (SELECT 1 FROM audit_stripe WHERE stripe = :stripe)
                                FETCH FIRST 1 ROWS ONLY""")
                        .param("stripe", stripe).param("genesis", AuditHash.GENESIS).update();
            }
        });
    }

    AuditRecord record(AuditEntry entry) {
        return transactions.execute(status -> log.record(entry));
    }

    static AuditEntry read(String username, Role role, UUID citizen, String purpose) {
        return AuditEntry.granted(username, role, null, citizen, AuditAction.READ, purpose, "10.0.0.7");
    }

    /** Locks stripes 1 to {@code stripes} from a transaction of its own until released: appends go past them or wait. */
    StripeHolder holdStripes(int stripes) {
        return new StripeHolder(stripes);
    }

    /** Holds stripes locked, from a transaction in a thread of its own, until released. */
    final class StripeHolder {

        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread holder;

        private StripeHolder(int stripes) {
            var locked = new CountDownLatch(1);
            holder = Thread.ofPlatform().start(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("SELECT stripe FROM audit_stripe WHERE stripe <= :stripes FOR UPDATE").param("stripes", stripes)
                        .query(Integer.class).list();
                locked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            try {
                if (!locked.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Could not lock the stripes within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void release() throws InterruptedException {
            release.countDown();
            holder.join();
        }
    }
}

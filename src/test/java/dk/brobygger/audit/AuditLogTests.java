package dk.brobygger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log is an unbroken chain: every change or deletion of a record shows, and nothing escapes it. */
@BrobyggerTest
class AuditLogTests {

    @Autowired AuditLog log;
    @Autowired AuditFixture fixture;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired Users users;
    @Autowired MessageSource messages;
    @Autowired javax.sql.DataSource dataSource;

    final UUID citizen = UUID.randomUUID();

    @BeforeEach
    void emptyLog() {
        fixture.emptyLog();
    }

    void recordSome(int count) {
        for (int i = 0; i < count; i++) {
            fixture.record(AuditFixture.read("hjemmebesog", Role.STAFF, citizen, "Forebyggende hjemmebesøg " + i));
        }
    }

    @Test
    void anUntouchedLogIsAValidChainWithEveryRecordCounted() {
        recordSome(25);

        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 25, null));
    }

    @Test
    void anEmptyLogIsValid() {
        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 0, null));
    }

    @Test
    void eachRecordIsLinkedToThePreviousOne() {
        var first = fixture.record(AuditFixture.read("hjemmebesog", Role.STAFF, citizen, "Besøg"));
        var second = fixture.record(AuditFixture.read("leder", Role.MANAGER, citizen, "Opfølgning"));

        assertThat(first.previousHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.id()).isEqualTo(first.id() + 1);
    }

    @Test
    void aRecordChangedBehindTheApplicationsBackIsFound() {
        recordSome(10);
        jdbc.sql("UPDATE audit_record SET purpose = 'Ingenting at se her' WHERE id = 7").update();

        assertThat(log.verify()).isEqualTo(new ChainVerification(false, 10, 7L));
    }

    @Test
    void aRecordWhoseHashWasAlsoRecomputedStillBreaksTheNextLink() {
        recordSome(10);
        var original = jdbc.sql("SELECT " + AuditLog.columns() + " FROM audit_record WHERE id = 4")
                .query((rs, row) -> AuditLog.map(rs)).single();
        var forged = new AuditEntry(original.entry().username(), original.entry().role(), null, citizen,
                AuditAction.READ, "Skjult", original.entry().clientAddress(), AuditOutcome.GRANTED);
        var tampered = new AuditHash().hash(4, original.recordedAt(), forged, original.previousHash());
        jdbc.sql("UPDATE audit_record SET purpose = 'Skjult', hash = :hash WHERE id = 4").param("hash", tampered).update();

        var verification = log.verify();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(5L);
    }

    @Test
    void aDeletedRecordIsFound() {
        recordSome(10);
        jdbc.sql("DELETE FROM audit_record WHERE id = 5").update();

        assertThat(log.verify()).isEqualTo(new ChainVerification(false, 9, 5L));
    }

    @Test
    void recordsCutOffTheEndAreFound() {
        recordSome(10);
        jdbc.sql("DELETE FROM audit_record WHERE id > 8").update();

        assertThat(log.verify()).isEqualTo(new ChainVerification(false, 8, 9L));
    }

    @Test
    void verificationWalksAChainLongerThanOneBatch() {
        var entries = new ArrayList<AuditEntry>();
        for (int i = 0; i < AuditLog.VERIFY_BATCH + 5; i++) {
            entries.add(AuditFixture.read("vaert", Role.STAFF, citizen, "Batch " + i));
        }
        transactions.executeWithoutResult(status -> log.recordAll(entries));
        jdbc.sql("UPDATE audit_record SET username = 'ukendt' WHERE id = :id").param("id", AuditLog.VERIFY_BATCH + 2).update();

        assertThat(log.verify()).isEqualTo(new ChainVerification(false, AuditLog.VERIFY_BATCH + 5, AuditLog.VERIFY_BATCH + 2L));
    }

    @Test
    void appendsFromManyThreadsAtOnceFormOneUnbrokenChain() throws Exception {
        int threads = 8;
        int each = 40;
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String purpose = "Tråd " + t;
            workers.add(() -> {
                for (int i = 0; i < each; i++) {
                    fixture.record(AuditFixture.read("faellesteam", Role.STAFF, citizen, purpose));
                }
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (Future<Void> done : pool.invokeAll(workers)) {
                done.get();
            }
        }

        assertThat(log.verify()).isEqualTo(new ChainVerification(true, threads * each, null));
        assertThat(jdbc.sql("SELECT MAX(id) FROM audit_record").query(Long.class).single()).isEqualTo(threads * each);
    }

    @Test
    void concurrentRequestsHoldingTheirTransactionsOpenEachKeepTheirRecordsInOrderAndTheLogVerifies() throws Exception {
        int threads = 12;
        int each = 15;
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String purpose = "Samtidig " + t;
            workers.add(() -> {
                for (int i = 0; i < each; i++) {
                    String step = purpose + "." + i;
                    transactions.executeWithoutResult(status -> {
                        log.record(AuditFixture.read("faellesteam", Role.STAFF, citizen, step));
                        pause(3);
                        log.record(AuditFixture.read("faellesteam", Role.STAFF, citizen, step + " igen"));
                    });
                }
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (Future<Void> done : pool.invokeAll(workers)) {
                done.get();
            }
        }

        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 2L * threads * each, null));
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM audit_record a JOIN audit_record b ON b.purpose = a.purpose || ' igen'
                        WHERE b.id > a.id""")
                .query(Long.class).single())
                .as("a request's second record comes after its first").isEqualTo((long) threads * each);
    }

    /** A writer of its own: one writer thread, batches of up to 100, the default 30 s to wait. */
    private AuditWriter oneWriter() {
        return new AuditWriter(dataSource, java.time.Clock.systemUTC(), AuditFixture.STRIPES, 1, 100,
                java.time.Duration.ofSeconds(30));
    }

    @Test
    void recordsWaitingAtTheSameMomentAreCommittedTogetherInOneChain() throws Exception {
        try (var writer = oneWriter();
                var pool = Executors.newFixedThreadPool(6)) {
            var stripes = fixture.holdStripes(AuditFixture.STRIPES);
            var first = pool.submit(() -> writer.append(List.of(AuditFixture.read("akut", Role.STAFF, citizen, "Først"))));
            var others = new ArrayList<Future<List<AuditRecord>>>();
            awaitUntil(() -> writer.busy() == 1);
            for (int i = 0; i < 5; i++) {
                String purpose = "Samtidig " + i;
                others.add(pool.submit(() -> writer.append(List.of(AuditFixture.read("akut", Role.STAFF, citizen, purpose)))));
            }
            awaitUntil(() -> writer.waiting() == 5);
            stripes.release();

            var together = new ArrayList<AuditRecord>();
            for (var other : others) {
                together.addAll(other.get());
            }
            assertThat(first.get()).hasSize(1);
            assertThat(together).extracting(AuditRecord::recordedAt).as("one batch, one commit").containsOnly(
                    together.getFirst().recordedAt());
            assertThat(jdbc.sql("SELECT COUNT(DISTINCT stripe) FROM audit_record WHERE purpose LIKE 'Samtidig %'")
                    .query(Long.class).single()).isEqualTo(1);
        }
        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 6, null));
    }

    @Test
    void aBadEntryFailsOnlyTheCallerWhoGaveIt() throws Exception {
        refusedByTheDatabase("Dårlig");
        try (var writer = oneWriter();
                var pool = Executors.newFixedThreadPool(4)) {
            var stripes = fixture.holdStripes(AuditFixture.STRIPES);
            var first = pool.submit(() -> writer.append(List.of(AuditFixture.read("akut", Role.STAFF, citizen, "Først"))));
            awaitUntil(() -> writer.busy() == 1);
            var good = pool.submit(() -> writer.append(List.of(AuditFixture.read("akut", Role.STAFF, citizen, "God"))));
            var bad = pool.submit(() -> writer.append(List.of(AuditFixture.read("akut", Role.STAFF, citizen, "Dårlig"))));
            var alsoGood = pool.submit(() -> writer.append(List.of(AuditFixture.read("akut", Role.STAFF, citizen, "Også god"))));
            awaitUntil(() -> writer.waiting() == 3);
            stripes.release();

            assertThat(first.get()).hasSize(1);
            assertThat(good.get()).hasSize(1);
            assertThat(alsoGood.get()).hasSize(1);
            assertThatThrownBy(bad::get).hasCauseInstanceOf(RuntimeException.class);
        }
        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 3, null));
    }

    /**
     * Makes the database refuse a record with this purpose until the test ends. An entry always fits its columns
     * (long text is cut to fit), so a refusal is what a broken connection or a full disk would give.
     */
    void refusedByTheDatabase(String purpose) {
        jdbc.sql("ALTER TABLE audit_record ADD CONSTRAINT audit_test_refusal CHECK (purpose <> '" + purpose + "')")
                .update();
    }

    @AfterEach
    void noRefusal() {
        jdbc.sql("ALTER TABLE audit_record DROP CONSTRAINT IF EXISTS audit_test_refusal").update();
    }

    @Test
    void aPurposeLongerThanItsColumnIsStoredCutToFitAndTheChainCoversWhatIsStored() {
        log.record(AuditFixture.read("akut", Role.STAFF, citizen, "Brød glasset: " + "akut ".repeat(400)));

        assertThat(jdbc.sql("SELECT purpose FROM audit_record").query(String.class).single())
                .hasSize(1_000).endsWith("…");
        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 1, null));
    }

    static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 30 s");
            }
            pause(10);
        }
    }

    @Test
    void tamperingInAnyChainIsFound() {
        var stripes = recordInThreeChains();
        var second = stripes.get(1);

        jdbc.sql("UPDATE audit_record SET client_address = '10.9.9.9' WHERE id = :id").param("id", second.get(1)).update();

        assertThat(log.verify()).isEqualTo(new ChainVerification(false, 9, second.get(1)));
    }

    @Test
    void aRecordDeletedFromAnyChainIsFound() {
        var stripes = recordInThreeChains();
        var third = stripes.get(2);

        jdbc.sql("DELETE FROM audit_record WHERE id = :id").param("id", third.get(1)).update();

        var verification = log.verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.records()).isEqualTo(8);
        assertThat(verification.firstBrokenId()).isEqualTo(third.get(0) + 1);
    }

    @Test
    void recordsCutOffTheEndOfAnyChainAreFound() {
        var stripes = recordInThreeChains();
        var second = stripes.get(1);

        jdbc.sql("DELETE FROM audit_record WHERE id = :id").param("id", second.get(2)).update();

        assertThat(log.verify()).isEqualTo(new ChainVerification(false, 8, second.get(1) + 1));
    }

    @Test
    void recordsSwappedWithinAChainAreFound() {
        var stripes = recordInThreeChains();
        var first = stripes.get(0);

        jdbc.sql("UPDATE audit_record SET position = -position WHERE id IN (:a, :b)")
                .param("a", first.get(0)).param("b", first.get(1)).update();
        jdbc.sql("UPDATE audit_record SET position = CASE WHEN id = :a THEN 2 ELSE 1 END WHERE id IN (:a, :b)")
                .param("a", first.get(0)).param("b", first.get(1)).update();

        var verification = log.verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(first.get(1));
    }

    @Test
    void aRecordSlippedIntoAChainIsFound() {
        var stripes = recordInThreeChains();
        var third = stripes.get(2);
        jdbc.sql("UPDATE audit_record SET position = position + 1 WHERE stripe = 3 AND position = 3").update();
        var copy = jdbc.sql("SELECT " + AuditLog.columns() + " FROM audit_record WHERE id = :id")
                .param("id", third.get(1)).query((rs, row) -> AuditLog.map(rs)).single();
        jdbc.sql("""
                        INSERT INTO audit_record (id, recorded_at, username, user_role, action, purpose, outcome,
                            previous_hash, hash, stripe, position)
                        VALUES (1000, :at, 'hjemmebesog', 'STAFF', 'READ', 'Aldrig sket', 'GRANTED', :previous, :hash, 3, 3)""")
                .param("at", java.time.OffsetDateTime.ofInstant(copy.recordedAt(), java.time.ZoneOffset.UTC))
                .param("previous", copy.hash()).param("hash", copy.hash()).update();

        var verification = log.verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(1000L);
    }

    @Test
    void aChainWhoseHeadWasDeletedIsFound() {
        var stripes = recordInThreeChains();

        jdbc.sql("DELETE FROM audit_stripe WHERE stripe = 2").update();

        assertThat(log.verify()).isEqualTo(new ChainVerification(false, 9, stripes.get(1).getFirst()));
    }

    /**
     * Nine records, three in each of the chains 1, 2 and 3: while chains 1 to k-1 are held by another
     * transaction, appends go to chain k. Returns the ids per chain, in chain order.
     */
    List<List<Long>> recordInThreeChains() {
        for (int stripe = 1; stripe <= 3; stripe++) {
            var held = stripe == 1 ? null : fixture.holdStripes(stripe - 1);
            for (int i = 0; i < 3; i++) {
                log.record(AuditFixture.read("hjemmebesog", Role.STAFF, citizen, "Kæde " + stripe));
            }
            if (held != null) {
                try {
                    held.release();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        var byStripe = new ArrayList<List<Long>>();
        for (int stripe = 1; stripe <= 3; stripe++) {
            byStripe.add(jdbc.sql("SELECT id FROM audit_record WHERE stripe = :stripe ORDER BY position")
                    .param("stripe", stripe).query(Long.class).list());
        }
        assertThat(byStripe).allSatisfy(ids -> assertThat(ids).hasSize(3));
        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 9, null));
        return byStripe;
    }

    static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aChangeWhoseAuditRecordCannotBeWrittenIsNotSaved() {
        String refused = "Kan ikke skrives";
        refusedByTheDatabase(refused);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            users.save("vikar", "Vibeke Vikar", null, java.util.Set.of(Role.STAFF), null);
            log.record(AuditEntry.granted("admin", Role.ADMIN, null, null, AuditAction.CREATE, refused, "10.0.0.1"));
        })).isInstanceOf(RuntimeException.class);

        assertThat(users.find("vikar")).isEmpty();
        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 0, null));
    }

    @Test
    void aRecordIsCommittedBeforeTheAccessGoesOnAndStaysWhenTheRequestRollsBack() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            log.record(AuditFixture.read("akut", Role.STAFF, citizen, "Forsøg"));
            assertThat(countElsewhere("Forsøg")).as("visible to others before the caller commits").isEqualTo(1);
            throw new IllegalStateException("Adgang nægtet");
        })).hasMessage("Adgang nægtet");

        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 1, null));
    }

    /** Counts records with the purpose from another thread, so from another connection and transaction. */
    long countElsewhere(String purpose) {
        try (var pool = Executors.newSingleThreadExecutor()) {
            return pool.submit(() -> jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE purpose = :p").param("p", purpose)
                    .query(Long.class).single()).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void recordingNeedsNoTransaction() {
        log.record(AuditFixture.read("akut", Role.STAFF, citizen, "Akut"));

        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 1, null));
    }

    @Test
    void theCitizenSeesWhoHasSeenTheirDataInPlainDanish() {
        fixture.record(AuditFixture.read("hjemmebesog", Role.STAFF, citizen, "Forebyggende hjemmebesøg"));
        fixture.record(AuditFixture.read("akut", Role.STAFF, citizen, "Krisesamtale").refused());
        fixture.record(AuditFixture.read("leder", Role.MANAGER, UUID.randomUUID(), "En anden borger"));
        fixture.record(AuditEntry.granted("leder", Role.MANAGER, "Fællesteamet", citizen, AuditAction.UPDATE,
                "Rettede adressen", "10.0.0.8"));

        var accesses = log.accessesTo(citizen);

        assertThat(accesses).extracting(CitizenAccess::who).containsExactly("Lise Leder", "Hanne Hjemmebesøg");
        var danish = Locale.forLanguageTag("da");
        assertThat(accesses.get(1).sentence(messages, danish))
                .startsWith("Hanne Hjemmebesøg (medarbejder) så dine oplysninger den ")
                .endsWith("Formål: Forebyggende hjemmebesøg");
        assertThat(accesses.get(0).sentence(messages, danish))
                .startsWith("Lise Leder (leder, Fællesteamet) ændrede dine oplysninger den ");
    }
}

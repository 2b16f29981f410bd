package dk.brobygger.audit;

import dk.brobygger.shared.ClusterJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The log is kept as long as the law requires and no longer; what remains still proves it is untouched. */
@BrobyggerTest
class AuditRetentionTests {

    static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");
    static final Instant TODAY = Instant.parse("2036-06-01T10:00:00Z");
    static final Instant ELEVEN_YEARS_AGO = Instant.parse("2025-05-01T10:00:00Z");
    static final Instant NINE_YEARS_AGO = Instant.parse("2027-05-01T10:00:00Z");

    @Autowired AuditFixture fixture;
    @Autowired AuditLog log;
    @Autowired DataSource dataSource;
    @Autowired ClusterJobs jobs;
    @Autowired Users users;
    @Autowired dk.brobygger.access.Teams teams;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired TransactionTemplate transactions;

    final UUID citizen = UUID.randomUUID();

    @BeforeEach
    void emptyLog() {
        fixture.emptyLog();
    }

    final List<AuditLog> logs = new ArrayList<>();

    @AfterEach
    void closeLogs() {
        logs.forEach(AuditLog::destroy);
        logs.clear();
    }

    AuditLog logAt(Instant when) {
        var at = new AuditLog(dataSource, Clock.fixed(when, DANISH), users, teams, 32, 0, 1, 100, Duration.ofSeconds(30));
        logs.add(at);
        return at;
    }

    AuditRetention retention() {
        return new AuditRetention(dataSource, jobs, logAt(TODAY), transactionManager, Clock.fixed(TODAY, DANISH),
                Period.ofYears(10));
    }

    /** Records {@code each} records in chain 1, then {@code each} in chain 2 while chain 1 is held by another transaction. */
    void recordInTwoChains(AuditLog at, int each, String purpose) throws Exception {
        for (int i = 0; i < each; i++) {
            at.record(AuditFixture.read("hjemmebesog", Role.STAFF, citizen, purpose));
        }
        var chainOneHeld = fixture.holdStripes(1);
        for (int i = 0; i < each; i++) {
            at.record(AuditFixture.read("hjemmebesog", Role.STAFF, citizen, purpose));
        }
        chainOneHeld.release();
    }

    long count(String purpose) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE purpose = :purpose").param("purpose", purpose)
                .query(Long.class).single();
    }

    @Test
    void recordsOlderThanTheRetentionPeriodAreRemovedAndTheRestStillVerifies() throws Exception {
        recordInTwoChains(logAt(ELEVEN_YEARS_AGO), 4, "Gammelt besøg");
        recordInTwoChains(logAt(NINE_YEARS_AGO), 3, "Nyere besøg");

        var outcome = retention().removeExpired();

        assertThat(outcome).isEqualTo(new AuditRetention.Outcome(8, 0));
        assertThat(count("Gammelt besøg")).isZero();
        assertThat(count("Nyere besøg")).isEqualTo(6);
        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 7, null));
        assertThat(jdbc.sql("SELECT SUM(removed) FROM audit_stripe").query(Long.class).single()).isEqualTo(8);
    }

    @Test
    void theRemovalIsItselfAudited() throws Exception {
        recordInTwoChains(logAt(ELEVEN_YEARS_AGO), 2, "Gammelt besøg");

        retention().removeExpired();

        var own = jdbc.sql("SELECT " + AuditLog.columns() + " FROM audit_record WHERE username = 'system'")
                .query((rs, row) -> AuditLog.map(rs)).single();
        assertThat(own.entry().action()).isEqualTo(AuditAction.DELETE);
        assertThat(own.entry().outcome()).isEqualTo(AuditOutcome.GRANTED);
        assertThat(own.entry().purpose()).isEqualTo("Sletning af logposter ældre end P10Y (før 2026-06-01): 4 poster fjernet");
        assertThat(own.recordedAt()).isEqualTo(TODAY);
    }

    @Test
    void aRunWithNothingToRemoveIsAuditedToo() {
        fixture.record(AuditFixture.read("akut", Role.STAFF, citizen, "I går"));

        assertThat(retention().removeExpired()).isEqualTo(new AuditRetention.Outcome(0, 0));

        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 2, null));
        assertThat(count("Sletning af logposter ældre end P10Y (før 2026-06-01): 0 poster fjernet")).isEqualTo(1);
    }

    @Test
    void tamperingWithWhatRemainsIsStillFound() throws Exception {
        recordInTwoChains(logAt(ELEVEN_YEARS_AGO), 3, "Gammelt besøg");
        recordInTwoChains(logAt(NINE_YEARS_AGO), 2, "Nyere besøg");
        retention().removeExpired();
        long firstKept = jdbc.sql("SELECT MIN(id) FROM audit_record WHERE stripe = 2").query(Long.class).single();

        jdbc.sql("DELETE FROM audit_record WHERE id = :id").param("id", firstKept).update();

        var verification = log.verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.records()).isEqualTo(4);
    }

    @Test
    void aTamperedOldPartIsKeptSoTheTamperingStaysVisible() throws Exception {
        recordInTwoChains(logAt(ELEVEN_YEARS_AGO), 3, "Gammelt besøg");
        long tampered = jdbc.sql("SELECT id FROM audit_record WHERE stripe = 2 AND position = 2").query(Long.class).single();
        jdbc.sql("UPDATE audit_record SET username = 'ingen' WHERE id = :id").param("id", tampered).update();

        var outcome = retention().removeExpired();

        assertThat(outcome).isEqualTo(new AuditRetention.Outcome(3, 1));
        assertThat(log.verify()).isEqualTo(new ChainVerification(false, 4, tampered));
        assertThat(jdbc.sql("SELECT outcome FROM audit_record WHERE username = 'system'").query(String.class).single())
                .isEqualTo("REFUSED");
    }
}

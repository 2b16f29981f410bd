package dk.brobygger.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.homevisit.TestHomeVisits;
import dk.brobygger.hospital.HospitalEventCancelled;
import dk.brobygger.hospital.HospitalEventCode;
import dk.brobygger.hospital.HospitalEventRecorded;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Hospital notifications (MedCom, published by the hospital module after commit) as outreach. */
@BrobyggerTest
class HospitalEventsTests {

    @Autowired ApplicationEventPublisher publisher;
    @Autowired TransactionTemplate transaction;
    @Autowired TestHomeVisits data;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    LocalDate today;

    @BeforeEach
    void noCitizens() {
        data.reset();
        today = LocalDate.now(clock);
    }

    @Test
    void aCitizenOver65LivingAloneDischargedHomeBecomesAnItemButNotOneLivingWithAPartnerOrAYoungerOne() {
        UUID alone = data.citizen("Alene 70", today.minusYears(70), "ALONE", "VEST");
        UUID couple = data.citizen("Gift 70", today.minusYears(70), "WITH_PARTNER", "VEST");
        UUID young = data.citizen("Alene 60", today.minusYears(60), "ALONE", "VEST");

        UUID discharge = publish(alone, HospitalEventCode.SLHJ);
        publish(couple, HospitalEventCode.SLHJ);
        publish(young, HospitalEventCode.SLHJ);

        awaitItems(1);
        assertThat(itemReasons(alone)).containsExactly("DISCHARGED_FROM_HOSPITAL OPEN");
        assertThat(itemReasons(couple)).isEmpty();
        assertThat(itemReasons(young)).isEmpty();
        assertThat(jdbc.sql("SELECT arrived_via FROM life_event WHERE hospital_event_id = :id").param("id", discharge)
                .query(String.class).single()).isEqualTo("HOSPITAL");
    }

    @Test
    void theDeathOfACitizenMakesTheSurvivingSpouseAnItemForABereavementVisit() {
        UUID deceased = data.citizen("Poul Hansen", today.minusYears(80), "WITH_PARTNER", "ØST", "MALE");
        UUID widow = data.citizen("Inge Hansen", today.minusYears(77), "WITH_PARTNER", "ØST");
        UUID stranger = data.citizen("Anden", today.minusYears(77), "WITH_PARTNER", "ØST");
        jdbc.sql("""
                INSERT INTO outreach_partner (id, citizen_id, partner_id, recorded_by, recorded_at)
                VALUES (:id, :a, :b, 'test', CURRENT_TIMESTAMP)
                """).param("id", UUID.randomUUID()).param("a", deceased).param("b", widow).update();

        publish(deceased, HospitalEventCode.MORS);

        awaitItems(1);
        assertThat(itemReasons(widow)).containsExactly("LOST_SPOUSE OPEN");
        assertThat(itemReasons(deceased)).isEmpty();
        assertThat(itemReasons(stranger)).isEmpty();
    }

    @Test
    void aCancelledHospitalEventWithdrawsTheItemItCaused() {
        UUID alone = data.citizen("Alene 70", today.minusYears(70), "ALONE", "VEST");
        UUID discharge = publish(alone, HospitalEventCode.SLHJ);
        awaitItems(1);

        transaction.executeWithoutResult(status -> publisher.publishEvent(
                new HospitalEventCancelled(discharge, new CitizenId(alone), HospitalEventCode.SLHJ)));

        await(() -> itemReasons(alone).contains("DISCHARGED_FROM_HOSPITAL WITHDRAWN"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM life_event WHERE withdrawn_at IS NULL").query(Long.class).single())
                .isZero();
    }

    @Test
    void theSameHospitalEventTwiceChangesNothingTheSecondTime() {
        UUID alone = data.citizen("Alene 70", today.minusYears(70), "ALONE", "VEST");
        var event = new HospitalEventRecorded(UUID.randomUUID(), new CitizenId(alone), HospitalEventCode.SLHJ,
                Instant.now(clock).minus(Duration.ofHours(2)));
        transaction.executeWithoutResult(status -> publisher.publishEvent(event));
        transaction.executeWithoutResult(status -> publisher.publishEvent(event));
        awaitItems(1);
        pause();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM life_event").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outreach_item").query(Long.class).single()).isEqualTo(1);
    }

    UUID publish(UUID citizen, HospitalEventCode code) {
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> publisher.publishEvent(
                new HospitalEventRecorded(id, new CitizenId(citizen), code, Instant.now(clock).minus(Duration.ofHours(1)))));
        return id;
    }

    java.util.List<String> itemReasons(UUID citizen) {
        return jdbc.sql("SELECT reason || ' ' || status FROM outreach_item WHERE citizen_id = :citizen")
                .param("citizen", citizen).query(String.class).list();
    }

    void awaitItems(long count) {
        await(() -> jdbc.sql("SELECT COUNT(*) FROM outreach_item").query(Long.class).single() >= count);
    }

    /** Listeners may run after commit on another thread: wait up to 10 s. */
    static void await(Supplier<Boolean> condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Condition not met within 10 s");
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dk.brobygger.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.homevisit.TestHomeVisits;
import dk.brobygger.hospital.HospitalEventCancelled;
import dk.brobygger.hospital.HospitalEventCode;
import dk.brobygger.hospital.HospitalEventRecorded;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hospital notifications (MedCom, published by the hospital module after commit) as outreach. The event
 * flows are told as Spring Modulith {@link Scenario}s: the hospital module's event is published in a
 * transaction, and the scenario waits for what outreach makes of it (its listener runs after the commit, on
 * another thread). They run in the whole application rather than an {@code @ApplicationModuleTest} of
 * outreach: the module reads the citizen register, checks access through {@code citizen} and {@code access}
 * and needs every module's migrations, so a module bootstrap would start nearly everything again as a second
 * application context, where this one shares the context every other {@link BrobyggerTest} starts.
 */
@BrobyggerTest
@EnableScenarios
class HospitalEventsTests {

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
    void aDischargeHomeBecomesALifeEventAndByTheRuleAnOutreachItem(Scenario scenario) {
        UUID alone = data.citizen("Alene 70", today.minusYears(70), "ALONE", "VEST");
        var discharge = recorded(alone, HospitalEventCode.SLHJ);

        scenario.publish(discharge)
                .andWaitForStateChange(() -> itemReasons(alone), reasons -> !reasons.isEmpty())
                .andVerify(reasons -> assertThat(reasons).containsExactly("DISCHARGED_FROM_HOSPITAL OPEN"));
        assertThat(jdbc.sql("SELECT type || ' ' || arrived_via FROM life_event WHERE hospital_event_id = :id")
                .param("id", discharge.eventId()).query(String.class).single())
                .isEqualTo("DISCHARGED_FROM_HOSPITAL HOSPITAL");
        assertThat(jdbc.sql("""
                SELECT username || ' ' || user_role || ' ' || action FROM audit_record
                 WHERE citizen_id = :citizen AND purpose LIKE 'En sygehusadvis blev til en livsbegivenhed%'
                """).param("citizen", alone).query(String.class).list())
                .as("the system's change passed the gate and is on the citizen's audit trail")
                .containsExactly("system SYSTEM CREATE");
    }

    @Test
    void aCitizenOver65LivingAloneDischargedHomeBecomesAnItemButNotOneLivingWithAPartnerOrAYoungerOne(
            Scenario scenario) {
        UUID alone = data.citizen("Alene 70", today.minusYears(70), "ALONE", "VEST");
        UUID couple = data.citizen("Gift 70", today.minusYears(70), "WITH_PARTNER", "VEST");
        UUID young = data.citizen("Alene 60", today.minusYears(60), "ALONE", "VEST");

        var discharges = java.util.List.of(recorded(alone, HospitalEventCode.SLHJ),
                recorded(couple, HospitalEventCode.SLHJ), recorded(young, HospitalEventCode.SLHJ));
        UUID discharge = discharges.getFirst().eventId();
        // The three life events arrive whether or not the rule makes them items: then all three were handled.
        scenario.stimulate((tx, events) -> {
                    discharges.forEach(event -> tx.executeWithoutResult(status -> events.publishEvent(event)));
                })
                .andWaitForStateChange(() -> count("SELECT COUNT(*) FROM life_event"), events -> events == 3)
                .andVerify(events -> assertThat(itemReasons(alone)).containsExactly("DISCHARGED_FROM_HOSPITAL OPEN"));
        assertThat(itemReasons(couple)).isEmpty();
        assertThat(itemReasons(young)).isEmpty();
        assertThat(jdbc.sql("SELECT arrived_via FROM life_event WHERE hospital_event_id = :id").param("id", discharge)
                .query(String.class).single()).isEqualTo("HOSPITAL");
    }

    @Test
    void theDeathOfACitizenMakesTheSurvivingSpouseAnItemForABereavementVisit(Scenario scenario) {
        UUID deceased = data.citizen("Poul Hansen", today.minusYears(80), "WITH_PARTNER", "ØST", "MALE");
        UUID widow = data.citizen("Inge Hansen", today.minusYears(77), "WITH_PARTNER", "ØST");
        UUID stranger = data.citizen("Anden", today.minusYears(77), "WITH_PARTNER", "ØST");
        jdbc.sql("""
                INSERT INTO outreach_partner (id, citizen_id, partner_id, recorded_by, recorded_at)
                VALUES (:id, :a, :b, 'test', CURRENT_TIMESTAMP)
                """).param("id", UUID.randomUUID()).param("a", deceased).param("b", widow).update();

        scenario.publish(recorded(deceased, HospitalEventCode.MORS))
                .andWaitForStateChange(() -> itemReasons(widow), reasons -> !reasons.isEmpty())
                .andVerify(reasons -> assertThat(reasons).containsExactly("LOST_SPOUSE OPEN"));
        assertThat(itemReasons(deceased)).isEmpty();
        assertThat(itemReasons(stranger)).isEmpty();
    }

    @Test
    void aCancelledHospitalEventWithdrawsTheItemItCaused(Scenario scenario) {
        UUID alone = data.citizen("Alene 70", today.minusYears(70), "ALONE", "VEST");
        var discharge = recorded(alone, HospitalEventCode.SLHJ);
        scenario.publish(discharge).andWaitForStateChange(() -> itemReasons(alone), reasons -> !reasons.isEmpty())
                .andVerify(reasons -> assertThat(reasons).containsExactly("DISCHARGED_FROM_HOSPITAL OPEN"));

        scenario.publish(new HospitalEventCancelled(discharge.eventId(), new CitizenId(alone), HospitalEventCode.SLHJ))
                .andWaitForEventOfType(OutreachItemWithdrawn.class)
                .matchingMappedValue(OutreachItemWithdrawn::citizen, new CitizenId(alone))
                .toArrive();
        assertThat(itemReasons(alone)).containsExactly("DISCHARGED_FROM_HOSPITAL WITHDRAWN");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM life_event WHERE withdrawn_at IS NULL").query(Long.class).single())
                .isZero();
    }

    @Test
    void theSameHospitalEventTwiceChangesNothingTheSecondTime(Scenario scenario) {
        UUID alone = data.citizen("Alene 70", today.minusYears(70), "ALONE", "VEST");
        var event = new HospitalEventRecorded(UUID.randomUUID(), new CitizenId(alone), HospitalEventCode.SLHJ,
                Instant.now(clock).minus(Duration.ofHours(2)));
        scenario.stimulate((tx, events) -> {
                    tx.executeWithoutResult(status -> events.publishEvent(event));
                    tx.executeWithoutResult(status -> events.publishEvent(event));
                })
                .andWaitForStateChange(() -> count("SELECT COUNT(*) FROM outreach_item"), items -> items >= 1)
                .andVerify(items -> {
                    pause(); // the second delivery may still be running: give it time to do (nothing) wrong
                    assertThat(count("SELECT COUNT(*) FROM life_event")).isEqualTo(1);
                    assertThat(count("SELECT COUNT(*) FROM outreach_item")).isEqualTo(1);
                });
    }

    HospitalEventRecorded recorded(UUID citizen, HospitalEventCode code) {
        return new HospitalEventRecorded(UUID.randomUUID(), new CitizenId(citizen), code,
                Instant.now(clock).minus(Duration.ofHours(1)));
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    java.util.List<String> itemReasons(UUID citizen) {
        return jdbc.sql("SELECT reason || ' ' || status FROM outreach_item WHERE citizen_id = :citizen")
                .param("citizen", citizen).query(String.class).list();
    }

    static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

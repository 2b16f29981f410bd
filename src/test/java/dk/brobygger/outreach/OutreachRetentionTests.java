package dk.brobygger.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.CitizenRetention.Mode;
import dk.brobygger.citizen.CitizenRetention.Outcome;
import dk.brobygger.citizen.TestCitizens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opbevaring: an expired citizen's life events keep type and day and lose who told us; the outreach
 * items stay as counted; the link to a partner goes.
 */
@BrobyggerTest
class OutreachRetentionTests {

    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;
    @Autowired OutreachEvaluation evaluation;

    UUID karen;
    UUID ole;

    @BeforeEach
    void karenLostHerHusbandAndOleIsHerNeighboursPartner() {
        citizens.reset();
        karen = citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog");
        ole = citizens.registered("020346-1235", "Ole Hansen", "hjemmebesog");
        UUID lost = lifeEvent(karen, "LOST_SPOUSE", LocalDate.of(2025, 2, 1), "Datteren Mette Jensen ringede");
        item(karen, "LOST_SPOUSE", lost, "ACCEPTED");
        lifeEvent(karen, "MOVED_TO_NEW_AREA", LocalDate.of(2025, 5, 1), "CPR-registret");
        lifeEvent(ole, "LEFT_LABOUR_MARKET", LocalDate.of(2025, 1, 1), "Ole selv");
        jdbc.sql("""
                INSERT INTO outreach_partner (id, citizen_id, partner_id, recorded_by, recorded_at)
                VALUES (:id, :ole, :karen, 'hjemmebesog', TIMESTAMP '2024-01-01 10:00:00')
                """).param("id", UUID.randomUUID()).param("ole", ole).param("karen", karen).update();
    }

    @Test
    void anExpiredCitizensEventsLoseTheSourceAndItemsStayAsCounted() {
        var counted = counted(karen);

        assertThat(citizens.expire(Mode.ANONYMISE, karen)).isEqualTo(new Outcome(1, 0, 0));

        assertThat(sources(karen)).containsExactly("Anonymiseret", "Anonymiseret");
        assertThat(counted(karen)).isEqualTo(counted);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outreach_partner").query(Long.class).single())
                .as("the link would name Ole's partner").isZero();
        assertThat(sources(ole)).containsExactly("Ole selv");
    }

    @Test
    void anAnonymisedCitizenIsNobodyToReachOutTo() {
        citizens.expire(Mode.ANONYMISE, karen);
        LocalDate lately = LocalDate.now().minusDays(10);
        lifeEvent(karen, "LOST_SPOUSE", lately, "Registerudtræk");
        lifeEvent(ole, "LOST_SPOUSE", lately, "Registerudtræk");

        evaluation.evaluateAll();

        assertThat(open(ole, "LOST_SPOUSE")).as("the rule applies to Ole").isEqualTo(1);
        assertThat(open(karen, "LOST_SPOUSE")).isZero();
    }

    long open(UUID citizen, String reason) {
        return jdbc.sql("SELECT COUNT(*) FROM outreach_item WHERE citizen_id = :c AND reason = :r AND status = 'OPEN'")
                .param("c", citizen).param("r", reason).query(Long.class).single();
    }

    @Test
    void aDeletedCitizensEventsItemsAndPartnerLinksGoWithThem() {
        assertThat(citizens.expire(Mode.DELETE, karen)).isEqualTo(new Outcome(0, 1, 0));

        assertThat(counted(karen)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outreach_partner").query(Long.class).single()).isZero();
        assertThat(sources(ole)).containsExactly("Ole selv");
    }

    UUID lifeEvent(UUID citizen, String type, LocalDate on, String source) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO life_event (id, citizen_id, type, occurred_on, source, arrived_via, recorded_by, recorded_at)
                VALUES (:id, :citizen, :type, :on, :source, 'STAFF', 'hjemmebesog', :at)
                """).param("id", id).param("citizen", citizen).param("type", type).param("on", on)
                .param("source", source).param("at", Timestamp.valueOf(on.atTime(12, 0))).update();
        return id;
    }

    void item(UUID citizen, String reason, UUID event, String outcome) {
        jdbc.sql("""
                INSERT INTO outreach_item (id, citizen_id, reason, rule_id, life_event_id, reason_date, status, outcome,
                                           outcome_on, created_at, closed_by, closed_at)
                SELECT :id, :citizen, :reason, r.id, e.id, e.occurred_on, 'CLOSED', :outcome, DATE '2025-03-01',
                       TIMESTAMP '2025-02-02 10:00:00', 'hjemmebesog', TIMESTAMP '2025-03-01 10:00:00'
                  FROM outreach_rule r, life_event e
                 WHERE r.reason = :reason AND r.superseded_at IS NULL AND e.id = :event
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("reason", reason)
                .param("event", event).param("outcome", outcome).update();
    }

    List<String> sources(UUID citizen) {
        return jdbc.sql("SELECT source FROM life_event WHERE citizen_id = :id ORDER BY occurred_on")
                .param("id", citizen).query(String.class).list();
    }

    List<String> counted(UUID citizen) {
        var events = jdbc.sql("SELECT type, occurred_on, arrived_via FROM life_event WHERE citizen_id = :id ORDER BY occurred_on")
                .param("id", citizen).query((rs, n) -> rs.getString(1) + " " + rs.getDate(2) + " " + rs.getString(3))
                .list();
        var items = jdbc.sql("""
                SELECT reason, reason_date, status, outcome, outcome_on FROM outreach_item WHERE citizen_id = :id
                """).param("id", citizen).query((rs, n) -> rs.getString(1) + " " + rs.getDate(2) + " " + rs.getString(3)
                        + " " + rs.getString(4) + " " + rs.getDate(5)).list();
        return Stream.concat(events.stream(), items.stream()).toList();
    }
}

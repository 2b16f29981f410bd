package dk.brobygger.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.audit.AuditLog;
import dk.brobygger.citizen.CitizenRetention.Mode;
import dk.brobygger.citizen.CitizenRetention.Outcome;
import dk.brobygger.citizen.TestCitizens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Opbevaring: a kept MedCom message names the citizen (CPR number, name), so when the citizen expires the
 * messages lose their body and the timeline keeps only kind, time and status; a deleted citizen's
 * timeline and messages go. Whatever a module cannot remove keeps the whole citizen as they were.
 */
@BrobyggerTest
class HospitalRetentionTests {

    /** The patient of every MedCom example. */
    static final String ELMER_CPR = "250947-9989";

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog auditLog;

    UUID elmer;

    @BeforeEach
    void elmerWasAdmittedAndDischarged() throws Exception {
        jdbc.sql("DELETE FROM hospital_event").update();
        jdbc.sql("DELETE FROM hospital_message").update();
        citizens.reset();
        elmer = citizens.registered(ELMER_CPR, "Elmer Hansen", "hjemmebesog");
        deliver("HospitalNotification_Ex_STIN_A.json");
        deliver("HospitalNotification_Ex_SLHJ_H.json");
        // The discharge becomes a life event (outreach) after the commit; let it land before the citizen goes.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM life_event WHERE citizen_id = :id")
                .param("id", elmer).query(Long.class).single() == 1);
    }

    @Test
    void anExpiredCitizensMessagesNoLongerNameThemAndTheTimelineKeepsKindTimeAndStatus() {
        var timeline = timeline();
        assertThat(timeline).hasSize(2);
        assertThat(bodies()).allSatisfy(body -> assertThat(body).contains("2509479989"));

        assertThat(citizens.expire(Mode.ANONYMISE, elmer)).isEqualTo(new Outcome(1, 0, 0));

        assertThat(timeline()).isEqualTo(timeline);
        assertThat(bodies()).containsExactly("Anonymiseret", "Anonymiseret");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM hospital_message
                 WHERE message_id IS NOT NULL OR bundle_id IS NOT NULL OR accepted_key IS NOT NULL OR detail IS NOT NULL
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hospital_event WHERE episode IS NOT NULL").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT event_code || ' ' || outcome FROM hospital_message ORDER BY received_at")
                .query(String.class).list()).containsExactly("STIN ACCEPTED", "SLHJ ACCEPTED");
    }

    @Test
    void aDeletedCitizensTimelineAndMessagesGoWithThem() {
        assertThat(citizens.expire(Mode.DELETE, elmer)).isEqualTo(new Outcome(0, 1, 0));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM hospital_event").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hospital_message").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM life_event").query(Long.class).single()).isZero();
    }

    @Test
    void whenAModuleCannotRemoveItsDataTheCitizenStaysWholeAndIsDueAgain() {
        // Another citizen's event that (wrongly) names Elmer's message: the message cannot be deleted.
        UUID ole = citizens.registered("020346-1235", "Ole Hansen", "hjemmebesog");
        jdbc.sql("""
                INSERT INTO hospital_event (id, citizen_id, code, occurred_at, message_id, status, recorded_at)
                SELECT :id, :ole, 'STIN', occurred_at, message_id, 'ACTIVE', recorded_at
                  FROM hospital_event WHERE citizen_id = :elmer AND code = 'STIN'
                """).param("id", UUID.randomUUID()).param("ole", ole).param("elmer", elmer).update();
        var timeline = timeline();

        assertThat(citizens.expire(Mode.DELETE, elmer)).isEqualTo(new Outcome(0, 0, 1));

        assertThat(jdbc.sql("SELECT name || ' ' || cpr FROM citizen WHERE id = :id").param("id", elmer)
                .query(String.class).single()).isEqualTo("Elmer Hansen 2509479989");
        assertThat(timeline()).isEqualTo(timeline);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM life_event WHERE citizen_id = :id").param("id", elmer)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_relation WHERE citizen_id = :id").param("id", elmer)
                .query(Long.class).single()).as("still due on the next run").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE citizen_id = :id AND action = 'DELETE'")
                .param("id", elmer).query(Long.class).single()).isZero();
        assertThat(auditLog.verify().valid()).isTrue();
    }

    void deliver(String example) throws Exception {
        String body = MedcomExamples.read(example);
        mvc.perform(post("/fhir/$process-message").with(httpBasic("medcom", "demo"))
                .contentType(MediaType.parseMediaType("application/fhir+json")).content(body))
                .andExpect(status().isOk());
    }

    /** Elmer's timeline as kind, time and status. */
    List<String> timeline() {
        return jdbc.sql("SELECT code, occurred_at, status, ended_at FROM hospital_event WHERE citizen_id = :id ORDER BY occurred_at")
                .param("id", elmer).query((rs, n) -> rs.getString(1) + " " + rs.getTimestamp(2) + " " + rs.getString(3)
                        + " " + rs.getTimestamp(4)).list();
    }

    List<String> bodies() {
        return jdbc.sql("SELECT body FROM hospital_message WHERE citizen_id = :id ORDER BY received_at")
                .param("id", elmer).query(String.class).list();
    }
}

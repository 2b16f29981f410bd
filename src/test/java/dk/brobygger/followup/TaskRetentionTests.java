package dk.brobygger.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.CitizenRetention.Mode;
import dk.brobygger.citizen.CitizenRetention.Outcome;
import dk.brobygger.citizen.TestCitizens;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opbevaring: an expired citizen's follow-up calls keep whether they were reached and joined a
 * community, and lose the notes and the community's name.
 */
@BrobyggerTest
class TaskRetentionTests {

    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;

    UUID karen;
    UUID ole;

    @BeforeEach
    void karenAndOleHaveBeenCalled() {
        citizens.reset();
        karen = citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog");
        ole = citizens.registered("020346-1235", "Ole Hansen", "hjemmebesog");
        task(karen, LocalDate.of(2025, 4, 7), "Strikkeklubben i Vestergade", "Datteren Mette kører hende derhen");
        task(karen, LocalDate.of(2025, 10, 7), null, null);
        task(ole, LocalDate.of(2025, 4, 8), "Petanque i Kirkeparken", "Ole var glad");
    }

    @Test
    void anExpiredCitizensTasksLoseTheirTextAndKeepTheOutcome() {
        var counted = counted(karen);

        assertThat(citizens.expire(Mode.ANONYMISE, karen)).isEqualTo(new Outcome(1, 0, 0));

        assertThat(texts(karen)).containsExactly("null null", "null null");
        assertThat(counted(karen)).isEqualTo(counted);
        assertThat(texts(ole)).containsExactly("Petanque i Kirkeparken Ole var glad");
    }

    @Test
    void aDeletedCitizensTasksGoWithThem() {
        assertThat(citizens.expire(Mode.DELETE, karen)).isEqualTo(new Outcome(0, 1, 0));

        assertThat(counted(karen)).isEmpty();
        assertThat(counted(ole)).hasSize(1);
    }

    void task(UUID citizen, LocalDate due, @Nullable String community, @Nullable String notes) {
        boolean done = community != null;
        jdbc.sql("""
                INSERT INTO followup_task (id, citizen_id, source_kind, due_on, assignee, source_id, status, outcome,
                                           outcome_detail, notes, done_on, done_by, created_at, version)
                VALUES (:id, :citizen, 'homevisit.follow-up-call', :due, 'hjemmebesog', :source, :status, :outcome,
                        :community, :notes, :doneOn, :doneBy, TIMESTAMP '2025-03-10 12:00:00', 1)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("due", due)
                .param("source", UUID.randomUUID()).param("status", done ? "DONE" : "OPEN")
                .param("outcome", done ? "JOINED_COMMUNITY" : null).param("community", community).param("notes", notes)
                .param("doneOn", done ? due : null).param("doneBy", done ? "hjemmebesog" : null).update();
    }

    List<String> texts(UUID citizen) {
        return jdbc.sql("SELECT outcome_detail, notes FROM followup_task WHERE citizen_id = :id ORDER BY due_on")
                .param("id", citizen).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
    }

    List<String> counted(UUID citizen) {
        return jdbc.sql("""
                SELECT source_kind, due_on, status, outcome, done_by, done_on
                  FROM followup_task WHERE citizen_id = :id ORDER BY due_on
                """).param("id", citizen).query((rs, n) -> rs.getString(1) + " " + rs.getDate(2) + " " + rs.getString(3)
                        + " " + rs.getObject(4) + " " + rs.getObject(5) + " " + rs.getDate(6)).list();
    }
}

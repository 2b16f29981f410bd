package dk.brobygger.homevisit;

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

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opbevaring: when a citizen's retention period runs out, the visitor's notes about them go and what the
 * statistics count stays; when citizens are deleted, their visits, offers, home care and worklist go too.
 */
@BrobyggerTest
class VisitRetentionTests {

    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;

    UUID karen;
    UUID ole;

    @BeforeEach
    void karenAndOleHaveBeenVisited() {
        citizens.reset();
        karen = citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog");
        ole = citizens.registered("020346-1235", "Ole Hansen", "hjemmebesog");
        UUID held = visit(karen, LocalDate.of(2025, 3, 10), "Karen savner Poul; datteren Mette bor i Aarhus");
        visit(karen, null, null);
        visit(ole, LocalDate.of(2025, 3, 11), "Ole vil gerne spille petanque");
        jdbc.sql("""
                INSERT INTO visit_suggestion (visit_id, offer_id, offer_name, suggested_by, suggested_at)
                VALUES (:visit, :offer, 'Strikkecafé', 'hjemmebesog', TIMESTAMP '2025-03-10 11:00:00')
                """).param("visit", held).param("offer", UUID.randomUUID()).update();
        jdbc.sql("""
                INSERT INTO homevisit_offer (id, citizen_id, visit_year, rule, offered_on, channel, answer, answered_on,
                                             held_on, held_by, recorded_by, recorded_at, version)
                VALUES (:id, :citizen, 2025, 'TURNS_75', DATE '2025-02-01', 'LETTER', 'ACCEPTED', DATE '2025-02-10',
                        DATE '2025-03-10', 'hjemmebesog', 'hjemmebesog', TIMESTAMP '2025-02-01 10:00:00', 0)
                """).param("id", UUID.randomUUID()).param("citizen", karen).update();
        jdbc.sql("""
                INSERT INTO homevisit_home_care (id, citizen_id, service, from_date, recorded_by, recorded_at)
                VALUES (:id, :citizen, 'PRACTICAL_HELP', DATE '2024-01-01', 'hjemmebesog', TIMESTAMP '2024-01-01 10:00:00')
                """).param("id", UUID.randomUUID()).param("citizen", karen).update();
        UUID line = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO homevisit_worklist_line (id, citizen_id, kind, visit_year, rule, team, taken_by, taken_at)
                VALUES (:id, :citizen, 'VISIT', 2025, 'TURNS_75', 'forebyggende-hjemmebesoeg', 'hjemmebesog',
                        TIMESTAMP '2025-02-01 10:00:00')
                """).param("id", line).param("citizen", karen).update();
        jdbc.sql("""
                INSERT INTO followup_task (id, citizen_id, source_kind, source_id, assignee, status, outcome, done_on,
                                           done_by, done_at, created_at, version)
                VALUES (:id, :citizen, 'homevisit.worklist', :id, 'hjemmebesog', 'DONE', 'ACCEPTED', DATE '2025-03-10',
                        'hjemmebesog', TIMESTAMP '2025-03-10 12:00:00', TIMESTAMP '2025-02-01 10:00:00', 1)
                """).param("id", line).param("citizen", karen).update();
    }

    @Test
    void anExpiredCitizensVisitsLoseTheNotesAndKeepWhatIsCounted() {
        var counted = counted(karen);

        assertThat(citizens.expire(Mode.ANONYMISE, karen)).isEqualTo(new Outcome(1, 0, 0));

        assertThat(notes(karen)).containsOnlyNulls().hasSize(2);
        assertThat(counted(karen)).isEqualTo(counted);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visit WHERE citizen_id = :id AND updated_by = 'system'")
                .param("id", karen).query(Long.class).single()).as("the held visit has a new version").isEqualTo(1);
        assertThat(notes(ole)).containsExactly("Ole vil gerne spille petanque");
    }

    @Test
    void aDeletedCitizensVisitsSuggestionsOffersHomeCareAndTasksGoWithThem() {
        assertThat(citizens.expire(Mode.DELETE, karen)).isEqualTo(new Outcome(0, 1, 0));

        for (String table : List.of("visit", "homevisit_offer", "homevisit_home_care", "homevisit_worklist_line",
                "followup_task_view")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE citizen_id = :id").param("id", karen)
                    .query(Long.class).single()).as(table).isZero();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visit_suggestion").query(Long.class).single()).isZero();
        assertThat(notes(ole)).containsExactly("Ole vil gerne spille petanque");
    }

    UUID visit(UUID citizen, @Nullable LocalDate heldOn, @Nullable String notes) {
        UUID id = UUID.randomUUID();
        var start = Timestamp.valueOf((heldOn == null ? LocalDate.of(2025, 9, 1) : heldOn).atTime(10, 0));
        jdbc.sql("""
                INSERT INTO visit (id, citizen_id, visitor, planned_start, duration_minutes, place, status, held_on,
                                   themes, conversation, card_handed_out, community_tag, notes, follow_up_on, version,
                                   created_by, created_at, updated_by, updated_at)
                VALUES (:id, :citizen, 'hjemmebesog', :start, 60, 'HOME', :status, :heldOn, :themes, :conversation,
                        :held, :held, :notes, :followUp, 1, 'hjemmebesog', :start, 'hjemmebesog', :start)
                """).param("id", id).param("citizen", citizen).param("start", start)
                .param("status", heldOn == null ? "PLANNED" : "HELD").param("heldOn", heldOn)
                .param("themes", heldOn == null ? "" : "COMMUNITY,PHYSICAL")
                .param("conversation", heldOn == null ? "" : "ROOM_TO_TALK").param("held", heldOn != null)
                .param("notes", notes).param("followUp", heldOn == null ? null : heldOn.plusWeeks(4)).update();
        return id;
    }

    List<@Nullable String> notes(UUID citizen) {
        return jdbc.sql("SELECT notes FROM visit WHERE citizen_id = :id ORDER BY planned_start")
                .param("id", citizen).query((rs, n) -> rs.getString(1)).list();
    }

    /** What the statistics read about the citizen's visits, offers and worklist. */
    List<String> counted(UUID citizen) {
        var visits = jdbc.sql("""
                SELECT v.status, v.held_on, v.place, v.themes, v.conversation, v.card_handed_out, v.community_tag,
                       v.follow_up_on, (SELECT COUNT(*) FROM visit_suggestion s WHERE s.visit_id = v.id) AS suggestions
                  FROM visit v WHERE v.citizen_id = :id ORDER BY v.planned_start
                """).param("id", citizen).query((rs, n) -> rs.getString(1) + " " + rs.getDate(2) + " " + rs.getString(3)
                        + " " + rs.getString(4) + " " + rs.getString(5) + " " + rs.getBoolean(6) + " " + rs.getBoolean(7)
                        + " " + rs.getDate(8) + " " + rs.getLong(9)).list();
        var offers = jdbc.sql("SELECT visit_year, rule, answer, held_on FROM homevisit_offer WHERE citizen_id = :id")
                .param("id", citizen).query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3)
                        + " " + rs.getDate(4)).list();
        var tasks = jdbc.sql("""
                SELECT l.kind, t.outcome, t.done_on FROM homevisit_worklist_line l
                  JOIN followup_task_view t ON t.source_kind = 'homevisit.worklist' AND t.source_id = l.id
                 WHERE l.citizen_id = :id
                """)
                .param("id", citizen).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getDate(3))
                .list();
        return Stream.of(visits, offers, tasks).flatMap(List::stream).toList();
    }
}

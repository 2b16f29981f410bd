package dk.brobygger.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V100 moves the follow-up calls and the worklist lines onto the one task list: a database with the old
 * tables and rows in them is migrated, and nothing is lost. Runs on its own H2 database, since the shared
 * test database is already migrated.
 */
class OneWorklistMigrationTests {

    final UUID karen = UUID.randomUUID();
    final UUID line = UUID.randomUUID();
    JdbcClient jdbc;
    Flyway flyway;

    @BeforeEach
    void aDatabaseAsItWasBeforeTheOneWorklist() {
        // One connection throughout: H2 binds a check constraint to the session that made it.
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:v100-" + UUID.randomUUID(), "sa", "", true);
        jdbc = JdbcClient.create(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target("93").load().migrate();
        flyway = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/h2").load();
        jdbc.sql("""
                INSERT INTO citizen (id, cpr, birth_date, sex, name, needs_interpreter, version, created_at, created_by,
                                     updated_at, updated_by)
                VALUES (:id, '1505511234', DATE '1951-05-15', 'FEMALE', 'Karen Jensen', FALSE, 0,
                        TIMESTAMP '2025-01-01 10:00:00', 'x', TIMESTAMP '2025-01-01 10:00:00', 'x')
                """).param("id", karen).update();
    }

    void call(String source, String status, Boolean reached, Boolean joined, String community) {
        jdbc.sql("""
                INSERT INTO followup_task (id, citizen_id, kind, due_on, assignee, source_id, status, reached,
                                           joined_community, community, notes, done_on, done_by, created_at, version)
                VALUES (:id, :citizen, 'FOLLOW_UP_CALL', DATE '2025-04-20', 'hjemmebesog', :source, :status, :reached,
                        :joined, :community, 'Noter', :doneOn, :doneBy, TIMESTAMP '2025-03-10 12:00:00', 3)
                """).param("id", UUID.randomUUID()).param("citizen", karen)
                .param("source", UUID.fromString(source)).param("status", status).param("reached", reached)
                .param("joined", joined).param("community", community)
                .param("doneOn", "DONE".equals(status) ? java.sql.Date.valueOf("2025-04-18") : null)
                .param("doneBy", "DONE".equals(status) ? "hjemmebesog" : null).update();
    }

    @Test
    void followUpCallsKeepTheirOutcomeAsTheCallsChoices() {
        String notReached = "00000000-0000-0000-0000-000000000001";
        String reached = "00000000-0000-0000-0000-000000000002";
        String joined = "00000000-0000-0000-0000-000000000003";
        String open = "00000000-0000-0000-0000-000000000004";
        call(notReached, "DONE", false, null, null);
        call(reached, "DONE", true, false, null);
        call(joined, "DONE", true, true, "Strikkeklubben");
        call(open, "OPEN", null, null, null);

        flyway.migrate();

        assertThat(jdbc.sql("""
                SELECT source_kind, source_id, status, outcome, outcome_detail, notes, done_on, done_by, version
                  FROM followup_task ORDER BY source_id
                """).query((rs, n) -> rs.getString(1) + " " + rs.getString(2).substring(35) + " " + rs.getString(3)
                        + " " + rs.getString(4) + " " + rs.getString(5) + " " + rs.getString(6) + " " + rs.getDate(7)
                        + " " + rs.getString(8) + " " + rs.getLong(9)).list()).containsExactly(
                "homevisit.follow-up-call 1 DONE NOT_REACHED null Noter 2025-04-18 hjemmebesog 3",
                "homevisit.follow-up-call 2 DONE REACHED null Noter 2025-04-18 hjemmebesog 3",
                "homevisit.follow-up-call 3 DONE JOINED_COMMUNITY Strikkeklubben Noter 2025-04-18 hjemmebesog 3",
                "homevisit.follow-up-call 4 OPEN null null Noter null null 3");
    }

    @Test
    void worklistLinesKeepTheirIdsTheirRelationAndTheirOutcome() {
        jdbc.sql("""
                INSERT INTO citizen_relation (citizen_id, team, reason, created_by, created_at, work_kind, work_id)
                VALUES (:citizen, 'forebyggende-hjemmebesoeg', 'Forebyggende hjemmebesøg 2025', 'hjemmebesog',
                        TIMESTAMP '2025-02-01 10:00:00', 'homevisit.worklist', :line)
                """).param("citizen", karen).param("line", line).update();
        long relation = jdbc.sql("SELECT id FROM citizen_relation").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO worklist_task (id, citizen_id, kind, visit_year, rule, team, assigned_to, relation_id,
                                           taken_by, taken_at, outcome, outcome_on, closed_by, closed_at)
                VALUES (:id, :citizen, 'VISIT', 2025, 'TURNS_75', 'forebyggende-hjemmebesoeg', 'anne', :relation,
                        'hjemmebesog', TIMESTAMP '2025-02-01 10:00:00', 'ACCEPTED', DATE '2025-03-10', 'anne',
                        TIMESTAMP '2025-03-10 12:00:00')
                """).param("id", line).param("citizen", karen).param("relation", relation).update();

        flyway.migrate();

        assertThat(jdbc.sql("""
                SELECT l.visit_year, l.rule, l.team, l.relation_id, l.taken_by, t.id, t.assignee, t.status, t.outcome,
                       t.done_on, t.done_by
                  FROM homevisit_worklist_line l
                  JOIN followup_task_view t ON t.source_kind = 'homevisit.worklist' AND t.source_id = l.id
                 WHERE l.id = :line
                """).param("line", line).query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3)
                        + " " + (rs.getLong(4) == relation) + " " + rs.getString(5) + " "
                        + rs.getObject(6, UUID.class).equals(line) + " " + rs.getString(7) + " " + rs.getString(8) + " "
                        + rs.getString(9) + " " + rs.getDate(10) + " " + rs.getString(11)).single())
                .isEqualTo("2025 TURNS_75 forebyggende-hjemmebesoeg true hjemmebesog true anne DONE ACCEPTED "
                        + "2025-03-10 anne");
        assertThat(jdbc.sql("SELECT work_kind || ':' || work_id FROM citizen_relation").query(String.class).single())
                .isEqualTo("homevisit.worklist:" + line);
    }
}

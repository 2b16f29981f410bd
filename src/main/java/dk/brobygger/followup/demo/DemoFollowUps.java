package dk.brobygger.followup.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up calls agreed at the demo visits: past ones mostly made (some late, some leading into
 * a community), recent ones still open, so the worklist shows both due and overdue calls.
 */
@Component
@Profile("demo-data & !postgres")
@Order(41)
class DemoFollowUps implements ApplicationRunner {

    private static final String[] COMMUNITIES = {"Strikkeklubben på biblioteket", "Gåturen langs fjorden",
            "Ældres aften i medborgerhuset", "Røde Kors besøgsven", "Fællesspisning i kulturhuset"};

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoFollowUps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM followup_task").query(Long.class).single() > 0) {
            return;
        }
        var random = new Random(20_261_124L);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        jdbc.sql("""
                SELECT id, citizen_id, visitor, follow_up_on FROM visit WHERE follow_up_on IS NOT NULL ORDER BY held_on
                """).query((rs, row) -> {
                    LocalDate due = rs.getDate("follow_up_on").toLocalDate();
                    boolean done = due.isBefore(today.minusDays(3)) && random.nextInt(100) < 85;
                    LocalDate doneOn = done ? due.plusDays(random.nextInt(100) < 80 ? -random.nextInt(5) : 3) : null;
                    boolean joined = done && random.nextInt(100) < 55;
                    jdbc.sql("""
                            INSERT INTO followup_task (id, citizen_id, kind, due_on, assignee, source_id, status, reached,
                                                       joined_community, community, done_on, done_by, created_at, version)
                            VALUES (:id, :citizen, 'FOLLOW_UP_CALL', :due, :assignee, :source, :status, :reached,
                                    :joined, :community, :doneOn, :doneBy, :now, 0)
                            """).param("id", UUID.randomUUID()).param("citizen", rs.getObject("citizen_id", UUID.class))
                            .param("due", due).param("assignee", rs.getString("visitor"))
                            .param("source", rs.getObject("id", UUID.class)).param("status", done ? "DONE" : "OPEN")
                            .param("reached", done ? Boolean.TRUE : null).param("joined", done ? joined : null)
                            .param("community", joined ? COMMUNITIES[random.nextInt(COMMUNITIES.length)] : null)
                            .param("doneOn", doneOn).param("doneBy", done ? rs.getString("visitor") : null)
                            .param("now", Timestamp.from(clock.instant())).update();
                    return null;
                }).list();
    }
}

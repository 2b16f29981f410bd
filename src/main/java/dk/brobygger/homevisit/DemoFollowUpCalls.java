package dk.brobygger.homevisit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.followup.Task;
import dk.brobygger.followup.TaskList;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.WorkRef;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up calls agreed at the demo visits, on the task list: past ones mostly made (some late, some
 * leading into a community), recent ones still open, so the list shows both due and overdue calls.
 */
@Component
@Profile("demo-data & !postgres")
@Order(41)
class DemoFollowUpCalls implements ApplicationRunner {

    private static final String[] COMMUNITIES = {"Strikkeklubben på biblioteket", "Gåturen langs fjorden",
            "Ældres aften i medborgerhuset", "Røde Kors besøgsven", "Fællesspisning i kulturhuset"};

    private record AgreedCall(UUID visit, CitizenId citizen, String visitor, LocalDate heldOn, LocalDate dueOn) {
    }

    private final JdbcClient jdbc;
    private final TaskList tasks;
    private final Clock clock;

    DemoFollowUpCalls(JdbcClient jdbc, TaskList tasks, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM followup_task_view WHERE source_kind = 'homevisit.follow-up-call'")
                .query(Long.class).single() > 0) {
            return;
        }
        var random = new Random(20_261_124L);
        LocalDate today = LocalDate.now(clock.withZone(DanishTime.ZONE));
        var calls = jdbc.sql("""
                SELECT id, citizen_id, visitor, held_on, follow_up_on FROM visit
                 WHERE follow_up_on IS NOT NULL ORDER BY held_on
                """).query((rs, row) -> new AgreedCall(rs.getObject("id", UUID.class),
                        new CitizenId(rs.getObject("citizen_id", UUID.class)), rs.getString("visitor"),
                        rs.getDate("held_on").toLocalDate(), rs.getDate("follow_up_on").toLocalDate())).list();
        for (var call : calls) {
            var work = WorkRef.of("homevisit.follow-up-call", call.visit());
            tasks.open(work, call.citizen(), call.visitor(), call.dueOn(), call.heldOn());
            boolean done = call.dueOn().isBefore(today.minusDays(3)) && random.nextInt(100) < 85;
            if (done) {
                LocalDate doneOn = call.dueOn().plusDays(random.nextInt(100) < 80 ? -random.nextInt(5) : 3);
                boolean joined = random.nextInt(100) < 55;
                tasks.completeWork(work, new Task.Completion(doneOn, joined ? "JOINED_COMMUNITY" : "REACHED",
                        joined ? COMMUNITIES[random.nextInt(COMMUNITIES.length)] : null, null), call.visitor());
            }
        }
    }
}

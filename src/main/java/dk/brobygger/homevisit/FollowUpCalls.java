package dk.brobygger.homevisit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.followup.Task;
import dk.brobygger.followup.TaskList;
import dk.brobygger.followup.TaskSource;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Det opfølgende opkald: a follow-up call agreed at a home visit becomes a task on the visitor's list, due
 * that day, named by the visit. Completed with: not reached, reached but not (yet) in a community, or joined
 * a community (which one, as the detail); statistics count the calls made on time and the communities joined.
 */
@Component
class FollowUpCalls implements TaskSource {

    /** The kind of task, named by the visit where the call was agreed. */
    static final String KIND = "homevisit.follow-up-call";

    static final List<Choice> CHOICES = List.of(
            Choice.of("NOT_REACHED", "homevisit.task.followUpCall.NOT_REACHED"),
            Choice.of("REACHED", "homevisit.task.followUpCall.REACHED"),
            new Choice("JOINED_COMMUNITY", "homevisit.task.followUpCall.JOINED_COMMUNITY",
                    new Detail("homevisit.task.followUpCall.community",
                            "homevisit.task.followUpCall.community.missing")));

    private final TaskList tasks;
    private final JdbcClient jdbc;
    private final Clock clock;

    FollowUpCalls(TaskList tasks, JdbcClient jdbc, Clock clock) {
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static WorkRef call(UUID visitId) {
        return WorkRef.of(KIND, visitId);
    }

    /** The call goes on the visitor's list; agreed again with another day, the open task moves. */
    @ApplicationModuleListener
    void on(FollowUpAgreed agreed) {
        // A visit documented afterwards may have agreed a call that is already due: the work began at the visit.
        LocalDate heldOn = jdbc.sql("SELECT held_on FROM visit WHERE id = :id").param("id", agreed.visitId())
                .query(LocalDate.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst().orElse(LocalDate.now(clock.withZone(DanishTime.ZONE)));
        tasks.open(call(agreed.visitId()), agreed.citizen(), agreed.visitor(), agreed.dueOn(), heldOn);
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Text title(Task task) {
        return Text.of("homevisit.task.followUpCall");
    }

    @Override
    public @Nullable Link link(Task task) {
        return new Link("/hjemmebesog/besoeg/" + task.source().id(), Text.of("homevisit.task.followUpCall.visit"));
    }

    @Override
    public List<Choice> choices(String kind) {
        return CHOICES;
    }
}

package dk.brobygger.course;

import java.util.List;
import java.util.Set;

import dk.brobygger.followup.Task;
import dk.brobygger.followup.TaskCompleted;
import dk.brobygger.followup.TaskSource;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A course's planned exit as a task on the responsible worker's list, due on the planned exit day. The task is done
 * when the course ends (its exit, or a cancellation); completing it on the task list while the course is still open
 * is refused in Danish, since the exit itself (where to, the citizen's agreement) is recorded on the course.
 */
@Component
class CourseTasks implements TaskSource {

    static final List<Choice> CHOICES = List.of(Choice.of("EXITED", "course.task.outcome.EXITED"),
            Choice.of("CANCELLED", "course.task.outcome.CANCELLED"));

    private final JdbcClient jdbc;

    CourseTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Courses.EXIT_TASK);
    }

    @Override
    public Text title(Task task) {
        String type = jdbc.sql("""
                SELECT t.name FROM course c JOIN course_type t ON t.id = c.type_id WHERE c.id = :id
                """).param("id", task.source().id()).query(String.class).optional().orElse("");
        return Text.of("course.task.title", type);
    }

    @Override
    public @Nullable Link link(Task task) {
        return new Link("/forloeb/" + task.source().id(), Text.of("course.task.link"));
    }

    @Override
    public List<Choice> choices(String kind) {
        return CHOICES;
    }

    /** Completed on the task list: only once the course has ended. */
    @EventListener
    void on(TaskCompleted completed) {
        if (!Courses.EXIT_TASK.equals(completed.source().kind())) {
            return;
        }
        boolean open = jdbc.sql("SELECT COUNT(*) FROM course WHERE id = :id AND ended_at IS NULL")
                .param("id", completed.source().id()).query(Long.class).single() > 0;
        if (open) {
            throw new DomainException("course.task.exitOnCourse");
        }
    }
}

package dk.brobygger.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Worklists of due tasks. Opening and closing a task passes need-to-know and is audited. */
@Service
public class Tasks {

    /** How a task ended. */
    public record Outcome(@Nullable LocalDate doneOn, @Nullable Boolean reached, @Nullable Boolean joinedCommunity,
            @Nullable String community, @Nullable String notes) {
    }

    /** Someone closed or changed the task in between; nothing was overwritten. */
    public static class StaleTaskException extends DomainException {
        StaleTaskException() {
            super("task.stale");
        }
    }

    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final JdbcClient jdbc;
    private final CitizenRecords records;
    private final Users users;
    private final Clock clock;

    Tasks(JdbcClient jdbc, CitizenRecords records, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.users = users;
        this.clock = clock;
    }

    /** Opens the task for its source, or moves its due day if it is still open. */
    @Transactional
    void open(CitizenId citizen, Task.Kind kind, LocalDate dueOn, String assignee, UUID source) {
        int moved = jdbc.sql("""
                UPDATE followup_task SET due_on = :due, version = version + 1
                 WHERE kind = :kind AND source_id = :source AND status = 'OPEN'
                """).param("due", dueOn).param("kind", kind.name()).param("source", source).update();
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM followup_task WHERE kind = :kind AND source_id = :source")
                .param("kind", kind.name()).param("source", source).query(Long.class).single() > 0;
        if (moved == 0 && !exists) {
            jdbc.sql("""
                    INSERT INTO followup_task (id, citizen_id, kind, due_on, assignee, source_id, status, created_at,
                                               version)
                    VALUES (:id, :citizen, :kind, :due, :assignee, :source, 'OPEN', :at, 0)
                    """).param("id", UUID.randomUUID()).param("citizen", citizen.value()).param("kind", kind.name())
                    .param("due", dueOn).param("assignee", assignee).param("source", source)
                    .param("at", Timestamp.from(clock.instant())).update();
        }
    }

    /** The user's open tasks, earliest due first, and those closed in the last 30 days. */
    @Transactional(readOnly = true)
    public List<Task> worklist(String assignee) {
        LocalDate since = today().minusDays(30);
        return jdbc.sql("""
                SELECT * FROM followup_task
                 WHERE assignee = :assignee AND (status = 'OPEN' OR done_on >= :since)
                 ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, due_on, id
                """).param("assignee", assignee).param("since", since).query(Tasks::task).list();
    }

    @Transactional
    public Task get(UUID id) {
        var task = load(id);
        records.read(task.citizen(), "Åbnede en opgave om borgeren");
        return task;
    }

    @Transactional(readOnly = true)
    public List<Task> from(UUID source) {
        return jdbc.sql("SELECT * FROM followup_task WHERE source_id = :source ORDER BY due_on")
                .param("source", source).query(Tasks::task).list();
    }

    @Transactional
    public Task complete(UUID id, long fromVersion, Outcome outcome) {
        var task = load(id);
        records.change(task.citizen(), AuditAction.UPDATE, "Registrerede udfaldet af en opfølgning");
        LocalDate doneOn = outcome.doneOn();
        if (doneOn == null) {
            throw new DomainException("task.doneOn.missing");
        }
        if (doneOn.isAfter(today())) {
            throw new DomainException("task.doneOn.future");
        }
        if (outcome.reached() == null) {
            throw new DomainException("task.reached.missing");
        }
        boolean joined = Boolean.TRUE.equals(outcome.reached()) && Boolean.TRUE.equals(outcome.joinedCommunity());
        String community = blankToNull(outcome.community());
        if (joined && community == null) {
            throw new DomainException("task.community.missing");
        }
        if (community != null && community.length() > 200) {
            throw new DomainException("task.community.tooLong", 200);
        }
        String notes = blankToNull(outcome.notes());
        if (notes != null && notes.length() > 4000) {
            throw new DomainException("task.notes.tooLong", 4000);
        }
        int changed = jdbc.sql("""
                UPDATE followup_task SET status = 'DONE', reached = :reached, joined_community = :joined,
                       community = :community, notes = :notes, done_on = :doneOn, done_by = :by,
                       version = version + 1
                 WHERE id = :id AND version = :version
                """).param("reached", outcome.reached())
                .param("joined", Boolean.TRUE.equals(outcome.reached()) ? outcome.joinedCommunity() : null)
                .param("community", joined ? community : null).param("notes", notes).param("doneOn", doneOn)
                .param("by", users.currentOrFail().username()).param("id", id).param("version", fromVersion)
                .update();
        if (changed == 0) {
            throw new StaleTaskException();
        }
        return load(id);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DANISH_TIME));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Task load(UUID id) {
        return jdbc.sql("SELECT * FROM followup_task WHERE id = :id").param("id", id).query(Tasks::task).optional()
                .orElseThrow(() -> new NotFoundException("task"));
    }

    private static Task task(ResultSet rs, int row) throws SQLException {
        var doneOn = rs.getDate("done_on");
        return new Task(rs.getObject("id", UUID.class), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                Task.Kind.valueOf(rs.getString("kind")), rs.getDate("due_on").toLocalDate(), rs.getString("assignee"),
                rs.getObject("source_id", UUID.class), Task.Status.valueOf(rs.getString("status")),
                (Boolean) rs.getObject("reached"), (Boolean) rs.getObject("joined_community"),
                rs.getString("community"), rs.getString("notes"), doneOn == null ? null : doneOn.toLocalDate(),
                rs.getString("done_by"), rs.getLong("version"));
    }
}

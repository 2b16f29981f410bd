package dk.brobygger.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opgavelisten: the one task list for every kind of work. Source modules open, hand over and complete the
 * tasks of their work (they have checked the user's access to it); people open and complete their own
 * tasks on {@code /opgaver} through need-to-know, audited.
 */
@Service
public class TaskList {

    /** Someone completed or changed the task in between; nothing was overwritten. */
    public static class StaleTaskException extends DomainException {
        StaleTaskException() {
            super("task.stale");
        }
    }

    private final Tasks tasks;
    private final TaskSources sources;
    private final CitizenRecords records;
    private final Users users;
    private final Teams teams;
    private final Clock clock;

    TaskList(Tasks tasks, TaskSources sources, CitizenRecords records, Users users, Teams teams, Clock clock) {
        this.teams = teams;
        this.tasks = tasks;
        this.sources = sources;
        this.records = records;
        this.users = users;
        this.clock = clock;
    }

    /** Opens the task for a piece of work started today, or moves its due day if it is still open. */
    @Transactional
    public Task open(WorkRef source, CitizenId citizen, String assignee, @Nullable LocalDate dueOn) {
        return open(source, citizen, assignee, dueOn, today());
    }

    /**
     * Opens the task for a piece of work that started on {@code workStartedOn} (a visit documented
     * afterwards), so its due day may lie before today but not before that; or moves the due day of the
     * open task for that work. A completed task stays as it is.
     */
    @Transactional
    public Task open(WorkRef source, CitizenId citizen, String assignee, @Nullable LocalDate dueOn,
            LocalDate workStartedOn) {
        var existing = tasks.findBySourceKindAndSourceId(source.kind(), source.id());
        if (existing.isPresent()) {
            var task = existing.get();
            if (task.isOpen() && !java.util.Objects.equals(task.dueOn(), dueOn)) {
                task.moveDue(dueOn, workStartedOn.isBefore(today()) ? workStartedOn : today());
                return tasks.save(task);
            }
            return task;
        }
        return tasks.save(Task.open(source, citizen, assignee, dueOn, workStartedOn, clock.instant()));
    }

    /**
     * Opens the task for a piece of work a team holds, on the team's list: every member of the team sees it on
     * their own list until one of them completes it (or it is handed to one person). An open task for the work
     * stays as it is.
     */
    @Transactional
    public Task openForTeam(WorkRef source, CitizenId citizen, String team, @Nullable LocalDate dueOn) {
        var existing = tasks.findBySourceKindAndSourceId(source.kind(), source.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        return tasks.save(Task.openForTeam(source, citizen, team, dueOn, today(), clock.instant()));
    }

    /** The task for a piece of work, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Task> forWork(WorkRef source) {
        return tasks.findBySourceKindAndSourceId(source.kind(), source.id());
    }

    /** The source module hands the open task for its work to someone else. */
    @Transactional
    public Task reassign(WorkRef source, String assignee) {
        var task = forWorkOrFail(source);
        task.reassign(assignee);
        return save(task);
    }

    /**
     * The source module completes the task for its work, {@code by} the user or the system (a listener
     * ending work that was withdrawn).
     */
    @Transactional
    public Task completeWork(WorkRef source, Task.Completion completion, String by) {
        var task = forWorkOrFail(source);
        task.complete(completion, sources.of(task.kind()).choices(task.kind()), by, today(), clock.instant());
        return save(task);
    }

    /**
     * The user's open tasks and the open tasks of the user's teams that no one has taken, earliest due first, and
     * those done in the last 30 days.
     */
    @Transactional(readOnly = true)
    public List<Task> worklist(String assignee) {
        var mine = teams.of(assignee);
        // An empty IN () is not SQL; a team name is never blank, so "" matches no team.
        return tasks.onListOf(assignee, mine.isEmpty() ? List.of("") : mine, today().minusDays(30));
    }

    /** One task, for someone who may see its citizen (audited). */
    @Transactional
    public Task get(TaskId id) {
        var task = find(id);
        records.read(task.citizen(), "Åbnede en opgave om borgeren");
        return task;
    }

    /**
     * The user completes a task as it was at {@code seenVersion}; when someone else changed or completed it
     * in between, nothing is written and {@link StaleTaskException} says so.
     */
    @Transactional
    public Task complete(TaskId id, long seenVersion, Task.Completion completion) {
        var task = find(id);
        records.change(task.citizen(), AuditAction.UPDATE, "Registrerede udfaldet af en opgave");
        if (task.version() != seenVersion) {
            throw new StaleTaskException();
        }
        task.complete(completion, sources.of(task.kind()).choices(task.kind()), users.currentOrFail().username(),
                today(), clock.instant());
        return save(task);
    }

    private Task save(Task task) {
        try {
            return tasks.save(task);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleTaskException();
        }
    }

    private Task find(TaskId id) {
        return tasks.findById(id).orElseThrow(() -> new NotFoundException("task"));
    }

    private Task forWorkOrFail(WorkRef source) {
        return tasks.findBySourceKindAndSourceId(source.kind(), source.id())
                .orElseThrow(() -> new NotFoundException("task"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DanishTime.ZONE));
    }
}

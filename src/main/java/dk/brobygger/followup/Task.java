package dk.brobygger.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Opgave: a task on someone's list for a piece of work with a citizen (its source), maybe due on a day,
 * completed once with one of the source's outcome choices. The source (see {@link TaskSource}) gives it
 * its title, link and choices; the task guards its own state and tells of changes with events.
 */
@Table("followup_task")
public class Task extends AbstractAggregateRoot<Task> {

    static final int DETAIL_MAX = 200;
    static final int NOTES_MAX = 4000;

    /** Open until completed. */
    public enum Status {
        OPEN, DONE
    }

    /**
     * How a task ended, as the person completing it says.
     *
     * @param doneOn  the day the work was done (not in the future)
     * @param outcome the code of one of the source's choices
     * @param detail  the detail text, for a choice that asks for one (kept only for such a choice)
     */
    public record Completion(@Nullable LocalDate doneOn, @Nullable String outcome, @Nullable String detail,
            @Nullable String notes) {
    }

    @Id
    private final TaskId id;
    private final UUID citizenId;
    private final String sourceKind;
    private final UUID sourceId;
    private @Nullable String assignee;
    private @Nullable String team;
    private @Nullable LocalDate dueOn;
    private Status status;
    private @Nullable String outcome;
    private @Nullable String outcomeDetail;
    private @Nullable String notes;
    private @Nullable LocalDate doneOn;
    private @Nullable String doneBy;
    private @Nullable Instant doneAt;
    private final Instant createdAt;
    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Task(TaskId id, UUID citizenId, String sourceKind, UUID sourceId, @Nullable String assignee, @Nullable String team,
            @Nullable LocalDate dueOn,
            Status status, @Nullable String outcome, @Nullable String outcomeDetail, @Nullable String notes,
            @Nullable LocalDate doneOn, @Nullable String doneBy, @Nullable Instant doneAt, Instant createdAt,
            @Nullable Long version) {
        this.id = id;
        this.citizenId = citizenId;
        this.sourceKind = sourceKind;
        this.sourceId = sourceId;
        this.assignee = assignee;
        this.team = team;
        this.dueOn = dueOn;
        this.status = status;
        this.outcome = outcome;
        this.outcomeDetail = outcomeDetail;
        this.notes = notes;
        this.doneOn = doneOn;
        this.doneBy = doneBy;
        this.doneAt = doneAt;
        this.createdAt = createdAt;
        this.version = version;
    }

    /**
     * A new open task for a piece of work. Its due day may not lie before the day the work started (today,
     * or earlier for work documented afterwards, such as a visit held last week).
     */
    static Task open(WorkRef source, CitizenId citizen, String assignee, @Nullable LocalDate dueOn,
            LocalDate workStartedOn, Instant now) {
        if (assignee.isBlank()) {
            throw new IllegalArgumentException("A task is on someone's list");
        }
        if (dueOn != null && dueOn.isBefore(workStartedOn)) {
            throw new DomainException("task.dueOn.past");
        }
        var task = new Task(TaskId.random(), citizen.value(), source.kind(), source.id(), assignee.strip(), null,
                dueOn, Status.OPEN, null, null, null, null, null, null, now, null);
        task.registerEvent(new TaskOpened(task.id, source, citizen, task.owner(), dueOn));
        return task;
    }

    /**
     * A new open task on a team's list (every member sees it, the first to act completes it), for work the team
     * holds rather than one person: a referral from another system to the receiving team.
     */
    static Task openForTeam(WorkRef source, CitizenId citizen, String team, @Nullable LocalDate dueOn,
            LocalDate workStartedOn, Instant now) {
        if (team.isBlank()) {
            throw new IllegalArgumentException("A team task names its team");
        }
        if (dueOn != null && dueOn.isBefore(workStartedOn)) {
            throw new DomainException("task.dueOn.past");
        }
        var task = new Task(TaskId.random(), citizen.value(), source.kind(), source.id(), null, team.strip(), dueOn,
                Status.OPEN, null, null, null, null, null, null, now, null);
        task.registerEvent(new TaskOpened(task.id, source, citizen, task.owner(), dueOn));
        return task;
    }

    /** The work was agreed again with another due day, not in the past. */
    void moveDue(@Nullable LocalDate newDue, LocalDate today) {
        requireOpen();
        if (newDue != null && newDue.isBefore(today)) {
            throw new DomainException("task.dueOn.past");
        }
        this.dueOn = newDue;
    }

    /** Someone else takes the task over. */
    void reassign(String newAssignee) {
        requireOpen();
        if (newAssignee.isBlank()) {
            throw new IllegalArgumentException("A task is on someone's list");
        }
        this.assignee = newAssignee.strip();
    }

    /**
     * The task is done, with one of its source's {@code choices}: once, on a day not in the future, with
     * the detail the choice asks for.
     */
    void complete(Completion completion, List<TaskSource.Choice> choices, String by, LocalDate today, Instant now) {
        requireOpen();
        LocalDate day = completion.doneOn();
        if (day == null) {
            throw new DomainException("task.doneOn.missing");
        }
        if (day.isAfter(today)) {
            throw new DomainException("task.doneOn.future");
        }
        String code = blankToNull(completion.outcome());
        if (code == null) {
            throw new DomainException("task.outcome.missing");
        }
        var choice = choices.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new DomainException("task.outcome.unknown"));
        String detail = choice.detail() == null ? null : blankToNull(completion.detail());
        if (choice.detail() != null && detail == null) {
            throw new DomainException(choice.detail().missingKey());
        }
        if (detail != null && detail.length() > DETAIL_MAX) {
            throw new DomainException("task.detail.tooLong", DETAIL_MAX);
        }
        String text = blankToNull(completion.notes());
        if (text != null && text.length() > NOTES_MAX) {
            throw new DomainException("task.notes.tooLong", NOTES_MAX);
        }
        this.status = Status.DONE;
        this.outcome = code;
        this.outcomeDetail = detail;
        this.notes = text;
        this.doneOn = day;
        this.doneBy = by;
        this.doneAt = now;
        registerEvent(new TaskCompleted(id, source(), citizen(), code, detail, day, by));
    }

    /** Opbevaring: the citizen's retention ran out; the free text goes, the countable outcome stays. */
    boolean forgetText() {
        boolean had = outcomeDetail != null || notes != null;
        this.outcomeDetail = null;
        this.notes = null;
        return had;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new DomainException("task.alreadyDone");
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public TaskId id() {
        return id;
    }

    public CitizenId citizen() {
        return new CitizenId(citizenId);
    }

    /** The work the task is for. */
    public WorkRef source() {
        return WorkRef.of(sourceKind, sourceId);
    }

    public String kind() {
        return sourceKind;
    }

    /** The person whose list the task is on; empty for a team's task no one has taken. */
    public @Nullable String assignee() {
        return assignee;
    }

    /** The team whose list the task is on, for a team's task. */
    public @Nullable String team() {
        return team;
    }

    /** On the team's list, not one person's. */
    public boolean isTeamTask() {
        return assignee == null && team != null;
    }

    /** Whose list the task is on: the person, or else the team. */
    public String owner() {
        return assignee != null ? assignee : java.util.Objects.requireNonNull(team);
    }

    public @Nullable LocalDate dueOn() {
        return dueOn;
    }

    public Status status() {
        return status;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** The code of the source's choice it was completed with. */
    public @Nullable String outcome() {
        return outcome;
    }

    public @Nullable String outcomeDetail() {
        return outcomeDetail;
    }

    public @Nullable String notes() {
        return notes;
    }

    public @Nullable LocalDate doneOn() {
        return doneOn;
    }

    public @Nullable String doneBy() {
        return doneBy;
    }

    @Nullable Instant doneAt() {
        return doneAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The version a form saw, for completing it without overwriting someone else's change. */
    public long version() {
        return version == null ? 0 : version;
    }

    boolean isOverdue(LocalDate today) {
        return status == Status.OPEN && dueOn != null && dueOn.isBefore(today);
    }

    /** Done, and no later than it was due. */
    public boolean doneOnTime() {
        return status == Status.DONE && doneOn != null && (dueOn == null || !doneOn.isAfter(dueOn));
    }
}

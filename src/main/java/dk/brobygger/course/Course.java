package dk.brobygger.course;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;

/**
 * Forløb: a course of one type for one citizen, run by a team with a responsible worker, in the states of FHIR
 * EpisodeOfCare (planned, waitlist, active, onhold, finished, cancelled). It guards its transitions: the phase
 * moves forward, backwards only with a reason; a course is cancelled only with a reason and finished only by its
 * exit (udgang), which names where the citizen goes and whether the citizen agrees; a closed course never changes
 * again. Its planned exit is there from the start. Every change is kept in {@link #history()}.
 */
public class Course {

    /** One change of state or phase, as the history shows it. */
    public record Change(Instant changedAt, String changedBy, @Nullable CourseStatus fromStatus, CourseStatus toStatus,
            @Nullable Integer fromPhase, int toPhase, @Nullable String reason) {
    }

    /** The planned or actual exit: where to, and when. */
    public record Exit(ExitKind kind, @Nullable String to, LocalDate on) {
    }

    /** What a course names when it starts. */
    record Started(CitizenId citizen, @Nullable InquiryId inquiry, @Nullable Instant inquiryReceivedAt, CourseType type,
            String team, String responsible, @Nullable String peerHost, CourseStatus status, Exit plannedExit,
            @Nullable Integer returnedAfterDays) {
    }

    /** The states a course may start in: a same-day start is active. */
    private static final java.util.Set<CourseStatus> STARTING = java.util.EnumSet.of(CourseStatus.PLANNED,
            CourseStatus.WAITLIST, CourseStatus.ACTIVE);

    private final CourseId id;
    private final CitizenId citizen;
    private final @Nullable InquiryId inquiry;
    private final @Nullable Instant inquiryReceivedAt;
    private final UUID typeId;
    private final String team;
    private String responsible;
    private @Nullable String peerHost;
    private CourseStatus status;
    private int phase;
    private LocalDate phaseStartedOn;
    private final Instant startedAt;
    private final @Nullable Integer returnedAfterDays;
    private Exit plannedExit;
    private @Nullable Exit exit;
    private @Nullable Boolean exitCitizenAgrees;
    private @Nullable String exitNote;
    private @Nullable String sharedAnalysis;
    private @Nullable String ownGoals;
    private @Nullable Instant endedAt;
    private final long version;
    private final List<Change> history;
    private @Nullable SupportNeed supportNeed;
    private @Nullable FollowUpResult followUpResult;
    private final int storedChanges;
    private final String createdBy;
    private final Instant createdAt;

    Course(CourseId id, CitizenId citizen, @Nullable InquiryId inquiry, @Nullable Instant inquiryReceivedAt, UUID typeId,
            String team, String responsible, @Nullable String peerHost, CourseStatus status, int phase,
            LocalDate phaseStartedOn, Instant startedAt, @Nullable Integer returnedAfterDays, Exit plannedExit,
            @Nullable Exit exit, @Nullable Boolean exitCitizenAgrees, @Nullable String exitNote,
            @Nullable String sharedAnalysis, @Nullable String ownGoals, @Nullable Instant endedAt, long version,
            List<Change> history, String createdBy, Instant createdAt) {
        this.id = id;
        this.citizen = citizen;
        this.inquiry = inquiry;
        this.inquiryReceivedAt = inquiryReceivedAt;
        this.typeId = typeId;
        this.team = team;
        this.responsible = responsible;
        this.peerHost = peerHost;
        this.status = status;
        this.phase = phase;
        this.phaseStartedOn = phaseStartedOn;
        this.startedAt = startedAt;
        this.returnedAfterDays = returnedAfterDays;
        this.plannedExit = plannedExit;
        this.exit = exit;
        this.exitCitizenAgrees = exitCitizenAgrees;
        this.exitNote = exitNote;
        this.sharedAnalysis = sharedAnalysis;
        this.ownGoals = ownGoals;
        this.endedAt = endedAt;
        this.version = version;
        this.history = new ArrayList<>(history);
        this.storedChanges = history.size();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** A course starts in its first phase, active unless it waits (planned, on the waiting list). */
    static Course start(CourseId id, Started started, String by, Instant now, LocalDate today) {
        if (!STARTING.contains(started.status())) {
            throw new DomainException("course.status.startInvalid");
        }
        requirePlannedExit(started.plannedExit(), today);
        var course = new Course(id, started.citizen(), started.inquiry(), started.inquiryReceivedAt(),
                started.type().id(), started.team(), started.responsible(),
                Inputs.optional(started.peerHost(), 200, "course.peerHost.tooLong"), started.status(), 0, today, now,
                started.returnedAfterDays(), started.plannedExit(), null, null, null, null, null, null, -1, List.of(),
                by, now);
        course.history.add(new Change(now, by, null, started.status(), null, 0, null));
        return course;
    }

    private static void requirePlannedExit(@Nullable Exit planned, LocalDate today) {
        if (planned == null) {
            throw new DomainException("course.exit.planned.missing");
        }
        if (planned.on().isBefore(today)) {
            throw new DomainException("course.exit.planned.past");
        }
    }

    /**
     * The course moves to another phase of its type: forward freely, backwards only with a reason (a citizen who
     * needs the closer contact again).
     */
    void moveToPhase(int target, CourseType type, @Nullable String reason, String by, Instant now, LocalDate today) {
        requireOpen();
        if (target < 0 || target > type.lastPhase()) {
            throw new DomainException("course.phase.unknown");
        }
        if (target == phase) {
            throw new DomainException("course.phase.same");
        }
        String why = Inputs.optional(reason, 1000, "course.reason.tooLong");
        if (target < phase && why == null) {
            throw new DomainException("course.phase.backwardsWithoutReason");
        }
        history.add(new Change(now, by, status, status, phase, target, why));
        phase = target;
        phaseStartedOn = today;
    }

    /**
     * Waiting list, active, on hold, cancelled (with a reason), as EpisodeOfCare moves: a waiting course becomes
     * active, an active one pauses and resumes. Finished only by {@link #exit}.
     */
    void changeStatus(@Nullable CourseStatus to, @Nullable String reason, String by, Instant now) {
        requireOpen();
        if (to == null || to == status) {
            throw new DomainException("course.status.same");
        }
        String why = Inputs.optional(reason, 1000, "course.reason.tooLong");
        boolean allowed = switch (to) {
            case WAITLIST -> status == CourseStatus.PLANNED;
            case ACTIVE -> status == CourseStatus.PLANNED || status == CourseStatus.WAITLIST
                    || status == CourseStatus.ONHOLD;
            case ONHOLD -> status == CourseStatus.ACTIVE;
            case CANCELLED -> true;
            case PLANNED, FINISHED -> false;
        };
        if (!allowed) {
            throw new DomainException(to == CourseStatus.FINISHED ? "course.status.finishByExit"
                    : "course.status.notAllowed");
        }
        if (to == CourseStatus.CANCELLED && why == null) {
            throw new DomainException("course.status.cancelWithoutReason");
        }
        history.add(new Change(now, by, status, to, phase, phase, why));
        status = to;
        if (to == CourseStatus.CANCELLED) {
            endedAt = now;
        }
    }

    /** The planned exit changes (another association, a later date). */
    void planExit(@Nullable Exit planned, LocalDate today) {
        requireOpen();
        requirePlannedExit(planned, today);
        this.plannedExit = planned;
    }

    /**
     * Udgang: the course ends where the citizen goes (a destination unless no more help is needed), on a day not
     * before the course started nor after today, with whether the citizen agrees.
     */
    void exit(@Nullable ExitKind kind, @Nullable String to, @Nullable LocalDate on, @Nullable Boolean citizenAgrees,
            @Nullable String note, String by, Instant now, LocalDate today) {
        requireOpen();
        if (kind == null) {
            throw new DomainException("course.exit.kind.missing");
        }
        String destination = Inputs.optional(to, 200, "course.exit.to.tooLong");
        if (kind.needsDestination() && destination == null) {
            throw new DomainException("course.exit.to.missing");
        }
        if (on == null) {
            throw new DomainException("course.exit.on.missing");
        }
        if (on.isAfter(today)) {
            throw new DomainException("course.exit.on.future");
        }
        if (on.isBefore(startedAt.atZone(dk.brobygger.shared.DanishTime.ZONE).toLocalDate())) {
            throw new DomainException("course.exit.on.beforeStart");
        }
        if (citizenAgrees == null) {
            throw new DomainException("course.exit.agrees.missing");
        }
        this.exitNote = Inputs.optional(note, 1000, "course.exit.note.tooLong");
        this.exit = new Exit(kind, destination, on);
        this.exitCitizenAgrees = citizenAgrees;
        history.add(new Change(now, by, status, CourseStatus.FINISHED, phase, phase, null));
        this.status = CourseStatus.FINISHED;
        this.endedAt = now;
    }

    /** The peer host changes (another peer, or none), only on a type that offers one. */
    void changePeerHost(CourseType type, @Nullable String name) {
        requireOpen();
        if (!type.peerHostOffered()) {
            throw new DomainException("course.peer.notOffered", type.name());
        }
        this.peerHost = Inputs.optional(name, 200, "course.peerHost.tooLong");
    }

    /** The course is handed to another worker of its team (who, the caller checks). */
    void handOver(@Nullable String to) {
        requireOpen();
        if (to == null || to.isBlank()) {
            throw new DomainException("course.handOver.missing");
        }
        if (to.equals(responsible)) {
            throw new DomainException("course.handOver.same");
        }
        this.responsible = to;
    }

    /** Integrated effort: the one problem analysis the municipal and regional parties write together. */
    void writeSharedAnalysis(CourseType type, @Nullable String text) {
        requireOpen();
        if (!type.sharedAnalysis()) {
            throw new DomainException("course.analysis.notThisType");
        }
        this.sharedAnalysis = Inputs.optional(text, 4000, "course.analysis.tooLong");
    }

    /** Medication pedagogy: the citizen's own goals for managing their medicine. */
    void writeOwnGoals(CourseType type, @Nullable String text) {
        requireOpen();
        if (!type.ownGoals()) {
            throw new DomainException("course.goals.notThisType");
        }
        this.ownGoals = Inputs.optional(text, 2000, "course.goals.tooLong");
    }

    /**
     * The KL codes: the support need (FFB) and the follow-up result (FSIII), either may be left out. They describe
     * the open course; a closed one keeps what it had.
     */
    void classify(@Nullable SupportNeed need, @Nullable FollowUpResult result) {
        requireOpen();
        this.supportNeed = need;
        this.followUpResult = result;
    }

    /** For the repository: the KL codes as stored. */
    Course withKlCodes(@Nullable SupportNeed need, @Nullable FollowUpResult result) {
        this.supportNeed = need;
        this.followUpResult = result;
        return this;
    }

    void requireOpen() {
        if (!status.isOpen()) {
            throw new DomainException("course.closed");
        }
    }

    /** Has the citizen been in the current phase longer than the type plans? */
    public boolean phaseOverrun(CourseType type, LocalDate today) {
        return status.isOpen() && today.isAfter(phaseStartedOn.plusWeeks(type.phase(phase).plannedWeeks()));
    }

    /** Hours from the inquiry to the start, or null for a course started without one. */
    public @Nullable Long hoursToStart() {
        return inquiryReceivedAt == null ? null : java.time.Duration.between(inquiryReceivedAt, startedAt).toHours();
    }

    /** Did the course start on the day the inquiry arrived (Danish time)? */
    public boolean startedSameDay() {
        return inquiryReceivedAt != null && inquiryReceivedAt.atZone(dk.brobygger.shared.DanishTime.ZONE).toLocalDate()
                .equals(startedAt.atZone(dk.brobygger.shared.DanishTime.ZONE).toLocalDate());
    }

    /** The changes not yet stored. */
    List<Change> newChanges() {
        return history.subList(storedChanges, history.size());
    }

    int storedChanges() {
        return storedChanges;
    }

    public CourseId id() { return id; }
    public CitizenId citizen() { return citizen; }
    public @Nullable InquiryId inquiry() { return inquiry; }
    public @Nullable Instant inquiryReceivedAt() { return inquiryReceivedAt; }
    public UUID typeId() { return typeId; }
    public String team() { return team; }
    public String responsible() { return responsible; }
    public @Nullable String peerHost() { return peerHost; }
    public CourseStatus status() { return status; }
    public boolean isOpen() { return status.isOpen(); }
    public int phase() { return phase; }
    public LocalDate phaseStartedOn() { return phaseStartedOn; }
    public Instant startedAt() { return startedAt; }
    public @Nullable Integer returnedAfterDays() { return returnedAfterDays; }
    public Exit plannedExit() { return plannedExit; }
    public @Nullable Exit exit() { return exit; }
    public @Nullable Boolean exitCitizenAgrees() { return exitCitizenAgrees; }
    public @Nullable String exitNote() { return exitNote; }
    public @Nullable String sharedAnalysis() { return sharedAnalysis; }
    public @Nullable String ownGoals() { return ownGoals; }
    public @Nullable Instant endedAt() { return endedAt; }
    public long version() { return version; }
    public List<Change> history() { return List.copyOf(history); }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public @Nullable SupportNeed supportNeed() { return supportNeed; }
    public @Nullable FollowUpResult followUpResult() { return followUpResult; }

    @Override
    public boolean equals(Object other) {
        return other instanceof Course course && course.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}

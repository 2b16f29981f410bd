package dk.brobygger.referral;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.MappedCollection;
import java.util.List;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.UUID;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Følgeskab: one volunteer asked to go with the citizen of one referral to the first visit. Proposed by staff, the
 * volunteer accepts or declines; an accepted one is reported on after the visit (two taps: how it went, what next);
 * handed back when the volunteer leaves, ended when the referral no longer shares the citizen with them. Only a
 * proposed or accepted assignment is open; only an open one shows the volunteer anything of the citizen.
 */
@Table("volunteer_assignment")
class Assignment {

    /** Where an assignment is. */
    enum Status {
        PROPOSED, ACCEPTED, DECLINED, REPORTED, HANDED_BACK, ENDED;

        boolean isOpen() {
            return this == PROPOSED || this == ACCEPTED;
        }

        public String messageKey() {
            return "volunteer.assignment.status." + name();
        }
    }

    /** The first tap: did they go in together? */
    enum Visit {
        WENT_TOGETHER, CITIZEN_DID_NOT_COME;

        public String messageKey() {
            return "volunteer.report.visit." + name();
        }
    }

    /** The second tap: what the citizen wants now. */
    enum Next {
        AGAIN_TOGETHER, ALONE, NOT_AGAIN;

        public String messageKey() {
            return "volunteer.report.next." + name();
        }
    }

    /**
     * How much support the citizen got one time, falling as the citizen finds their feet (Hedensted): the
     * companion goes along the whole way, meets the citizen at the door, rings before, and at last the citizen goes
     * alone.
     */
    enum Support {
        ALL_THE_WAY, AT_THE_DOOR, PHONE_BEFORE, ALONE;

        public String messageKey() {
            return "volunteer.support." + name();
        }
    }

    /** One accompanied time: the day, the support given, how long it took (optional). */
    @Table("volunteer_accompaniment")
    record Time(LocalDate happenedOn, Support support, @Nullable Integer minutes, Instant recordedAt) {
    }

    @Id
    private final UUID id;
    private final UUID volunteerId;
    private final UUID referralId;
    private Status status;
    private @Nullable LocalDateTime meetingAt;
    private @Nullable String meetingPlace;
    private @Nullable Visit visit;
    private @Nullable Next nextStep;
    private @Nullable String reason;
    private final String assignedBy;
    private final Instant assignedAt;
    private @Nullable Instant answeredAt;
    private @Nullable Instant reportedAt;
    private @Nullable Integer minutesGiven;
    @MappedCollection(idColumn = "assignment_id", keyColumn = "position")
    private final List<Time> times;
    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Assignment(UUID id, UUID volunteerId, UUID referralId, Status status, @Nullable LocalDateTime meetingAt,
            @Nullable String meetingPlace, @Nullable Visit visit, @Nullable Next nextStep, @Nullable String reason,
            String assignedBy, Instant assignedAt, @Nullable Instant answeredAt, @Nullable Instant reportedAt,
            @Nullable Integer minutesGiven, List<Time> times, @Nullable Long version) {
        this.times = new ArrayList<>(times);
        this.id = id;
        this.volunteerId = volunteerId;
        this.referralId = referralId;
        this.status = status;
        this.meetingAt = meetingAt;
        this.meetingPlace = meetingPlace;
        this.visit = visit;
        this.nextStep = nextStep;
        this.reason = reason;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
        this.answeredAt = answeredAt;
        this.reportedAt = reportedAt;
        this.minutesGiven = minutesGiven;
        this.version = version;
    }

    /** Staff ask the volunteer to go along, to meet the citizen at {@code place} at {@code when}. */
    static Assignment propose(UUID volunteer, ReferralId referral, @Nullable LocalDateTime when,
            @Nullable String place, String by, Instant now) {
        String where = place == null || place.isBlank() ? null : place.strip();
        if (where != null && where.length() > 300) {
            throw new DomainException("volunteer.assignment.place.tooLong", 300);
        }
        return new Assignment(UUID.randomUUID(), volunteer, referral.value(), Status.PROPOSED, when, where, null,
                null, null, by, now, null, null, null, List.of(), null);
    }

    /** The volunteer says yes. */
    void accept(Instant now) {
        require(Status.PROPOSED);
        this.status = Status.ACCEPTED;
        this.answeredAt = now;
    }

    /** The volunteer says no; a reason is welcome but not required (a volunteer owes no explanation). */
    void decline(@Nullable String why, Instant now) {
        require(Status.PROPOSED);
        this.status = Status.DECLINED;
        this.reason = why == null || why.isBlank() ? null : cut(why);
        this.answeredAt = now;
    }

    /** The longest visit a volunteer may report: a whole day out. */
    static final int MAX_MINUTES = 12 * 60;

    /** After the visit, in two taps; how long it took may be told too ({@code minutes}, optional). */
    void report(@Nullable Visit how, @Nullable Next next, @Nullable Integer minutes, LocalDate today, Instant now) {
        require(Status.ACCEPTED);
        if (how == null || next == null) {
            throw new DomainException("volunteer.report.incomplete");
        }
        if (minutes != null && (minutes <= 0 || minutes > MAX_MINUTES)) {
            throw new DomainException("volunteer.report.minutes.invalid", MAX_MINUTES / 60);
        }
        this.minutesGiven = minutes;
        this.visit = how;
        this.nextStep = next;
        this.status = Status.REPORTED;
        this.reportedAt = now;
        if (how == Visit.WENT_TOGETHER) {
            times.add(new Time(today, Support.ALL_THE_WAY, minutes, now));
        }
    }

    /**
     * Another accompanied time after the first visit (Hedensted's falling support): only while the citizen wanted to
     * go again together and has not yet gone alone; the support never rises, the day is not in the future nor
     * before the last time; the minutes add to the time the volunteer gave.
     */
    void accompanied(@Nullable LocalDate on, @Nullable Support support, @Nullable Integer minutes, LocalDate today,
            Instant now) {
        if (status != Status.REPORTED || nextStep != Next.AGAIN_TOGETHER || goesAlone()) {
            throw new DomainException("volunteer.time.notNow");
        }
        if (on == null || support == null) {
            throw new DomainException("volunteer.time.incomplete");
        }
        if (on.isAfter(today)) {
            throw new DomainException("volunteer.time.future");
        }
        var last = times.isEmpty() ? null : times.getLast();
        if (last != null && on.isBefore(last.happenedOn())) {
            throw new DomainException("volunteer.time.beforeLast");
        }
        if (last != null && support.ordinal() < last.support().ordinal()) {
            throw new DomainException("volunteer.time.supportRises",
                    new org.springframework.context.support.DefaultMessageSourceResolvable(last.support().messageKey()));
        }
        if (minutes != null && (minutes <= 0 || minutes > MAX_MINUTES)) {
            throw new DomainException("volunteer.report.minutes.invalid", MAX_MINUTES / 60);
        }
        times.add(new Time(on, support, minutes, now));
        if (minutes != null) {
            this.minutesGiven = (minutesGiven == null ? 0 : minutesGiven) + minutes;
        }
    }

    /** The citizen goes alone now: no more accompanied times. */
    public boolean goesAlone() {
        return !times.isEmpty() && times.getLast().support() == Support.ALONE;
    }

    /** Another time may be recorded (the citizen wanted to go again together and does not yet go alone). */
    public boolean takesAnotherTime() {
        return status == Status.REPORTED && nextStep == Next.AGAIN_TOGETHER && !goesAlone();
    }

    /** The volunteer left (paused, expired, declined): the open assignment goes back to staff. */
    void handBack(String why) {
        require(Status.PROPOSED, Status.ACCEPTED);
        this.status = Status.HANDED_BACK;
        this.reason = cut(why);
    }

    /** The referral stopped sharing the citizen (consent withdrawn, the referral closed). */
    void end(String why) {
        require(Status.PROPOSED, Status.ACCEPTED);
        this.status = Status.ENDED;
        this.reason = cut(why);
    }

    private void require(Status... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new DomainException("volunteer.assignment.illegal",
                    new org.springframework.context.support.DefaultMessageSourceResolvable(status.messageKey()));
        }
    }

    private static String cut(String text) {
        String stripped = text.strip();
        return stripped.length() > 1000 ? stripped.substring(0, 1000) : stripped;
    }

    public UUID id() { return id; }
    public UUID volunteerId() { return volunteerId; }
    public ReferralId referral() { return new ReferralId(referralId); }
    public Status status() { return status; }
    public boolean isOpen() { return status.isOpen(); }
    public @Nullable LocalDateTime meetingAt() { return meetingAt; }
    public @Nullable String meetingPlace() { return meetingPlace; }
    public @Nullable Visit visit() { return visit; }
    public @Nullable Next nextStep() { return nextStep; }
    public @Nullable String reason() { return reason; }
    public String assignedBy() { return assignedBy; }
    public Instant assignedAt() { return assignedAt; }
    public @Nullable Instant answeredAt() { return answeredAt; }
    public @Nullable Instant reportedAt() { return reportedAt; }
    /** How long the visit took, when the volunteer said. */
    public @Nullable Integer minutesGiven() { return minutesGiven; }
    /** The accompanied times, first first. */
    public List<Time> times() { return java.util.Collections.unmodifiableList(times); }
    public @Nullable Long version() { return version; }
}

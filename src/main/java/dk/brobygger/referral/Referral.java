package dk.brobygger.referral;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Henvisning: a citizen referred by a member of staff to an offer in the directory, answered and followed by the
 * association, in the states of FHIR Task (DOMAIN.md §8). It guards every transition: only a requested referral
 * is accepted or declined, declining and cancelling need a reason, completing needs an outcome, a closed referral
 * is only reopened, an entered-in-error one never changes again. Each change is kept in {@link #history()} (who,
 * when, from which state to which, the business status and why); reopening adds to it.
 */
@Table("referral")
class Referral extends AbstractAggregateRoot<Referral> implements ReferralFacts {

    static final int MAX_REASON = 1000;
    static final int MAX_WORDS = 2000;

    /**
     * One change of the referral, as the history shows it. {@code citizenSaid} is the message key of the citizen's
     * own answer or report when the change is one, and {@code via} how it reached us (in /mig, or on the phone).
     */
    @Table("referral_change")
    record Change(Instant changedAt, String changedBy, @Nullable ReferralStatus fromStatus, ReferralStatus toStatus,
            @Nullable BusinessStatus businessStatus, @Nullable String reason, @Nullable String citizenSaid,
            @Nullable AnswerChannel via) {
    }

    /** What the referral names when it is drafted. */
    record Draft(CitizenId citizen, UUID offerId, String offerName, UUID organizationId, String organizationName,
            String team, @Nullable SupportLevel needsSupport, boolean accompaniment, Set<SharedField> shared,
            @Nullable String firstName, @Nullable String contact, @Nullable String citizenWords,
            @Nullable ReferralContext context, boolean toFullOffer) {
    }

    @Id
    private final UUID id;
    private final UUID citizenId;
    private final UUID offerId;
    private final String offerName;
    private final UUID organizationId;
    private final String organizationName;
    private final String referrer;
    private final String team;
    private ReferralStatus status;
    private @Nullable BusinessStatus businessStatus;
    private @Nullable String statusReason;
    private @Nullable String outcome;
    private final @Nullable SupportLevel needsSupport;
    private final boolean accompaniment;
    private final String sharedFields;
    private final @Nullable String firstName;
    private final @Nullable String contact;
    private final @Nullable String citizenWords;
    private @Nullable LocalDateTime firstDate;
    private int attendances;
    private @Nullable Instant requestedAt;
    private @Nullable Instant answeredAt;
    private @Nullable Instant remindedAt;
    private @Nullable Instant flaggedAt;
    private @Nullable CitizenAnswer citizenAnswer;
    private @Nullable ContactWish citizenContactWish;
    private @Nullable String citizenNote;
    private @Nullable Instant citizenAnsweredAt;
    private @Nullable AnswerChannel citizenAnsweredVia;
    private @Nullable CitizenReport citizenReport;
    private ReferralContext context;
    private boolean fullOffer;
    private @Nullable Instant acceptedAt;
    private @Nullable Instant firstVisitAt;
    private @Nullable Instant regularlyAt;
    @MappedCollection(idColumn = "referral_id", keyColumn = "position")
    private final List<Change> history;
    @Version
    private @Nullable Long version;
    private final String createdBy;
    private final Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;

    @PersistenceCreator
    Referral(UUID id, UUID citizenId, UUID offerId, String offerName, UUID organizationId, String organizationName,
            String referrer, String team, ReferralStatus status, @Nullable BusinessStatus businessStatus,
            @Nullable String statusReason, @Nullable String outcome, @Nullable SupportLevel needsSupport,
            boolean accompaniment, String sharedFields, @Nullable String firstName, @Nullable String contact,
            @Nullable String citizenWords, @Nullable LocalDateTime firstDate, int attendances,
            @Nullable Instant requestedAt, @Nullable Instant answeredAt, @Nullable Instant remindedAt,
            @Nullable Instant flaggedAt, @Nullable CitizenAnswer citizenAnswer, @Nullable ContactWish citizenContactWish,
            @Nullable String citizenNote, @Nullable Instant citizenAnsweredAt, @Nullable AnswerChannel citizenAnsweredVia,
            @Nullable CitizenReport citizenReport, ReferralContext context, boolean fullOffer,
            @Nullable Instant acceptedAt, @Nullable Instant firstVisitAt, @Nullable Instant regularlyAt,
            List<Change> history, @Nullable Long version, String createdBy,
            Instant createdAt, String updatedBy, Instant updatedAt) {
        this.id = id;
        this.citizenId = citizenId;
        this.offerId = offerId;
        this.offerName = offerName;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.referrer = referrer;
        this.team = team;
        this.status = status;
        this.businessStatus = businessStatus;
        this.statusReason = statusReason;
        this.outcome = outcome;
        this.needsSupport = needsSupport;
        this.accompaniment = accompaniment;
        this.sharedFields = sharedFields;
        this.firstName = firstName;
        this.contact = contact;
        this.citizenWords = citizenWords;
        this.firstDate = firstDate;
        this.attendances = attendances;
        this.requestedAt = requestedAt;
        this.answeredAt = answeredAt;
        this.remindedAt = remindedAt;
        this.flaggedAt = flaggedAt;
        this.citizenAnswer = citizenAnswer;
        this.citizenContactWish = citizenContactWish;
        this.citizenNote = citizenNote;
        this.citizenAnsweredAt = citizenAnsweredAt;
        this.citizenAnsweredVia = citizenAnsweredVia;
        this.citizenReport = citizenReport;
        this.context = context;
        this.fullOffer = fullOffer;
        this.acceptedAt = acceptedAt;
        this.firstVisitAt = firstVisitAt;
        this.regularlyAt = regularlyAt;
        this.history = new ArrayList<>(history);
        this.version = version;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    /**
     * A referral written by {@code referrer} and not yet sent. Only the fields the citizen agreed to share are
     * kept as shared; the first name and contact route are kept only when shared (a contact route shared must be
     * given), the citizen's own words always (they are the referrer's record of what the citizen hopes for), and
     * shared only when there are some.
     */
    static Referral draft(Draft draft, String referrer, Instant now) {
        String words = optional(draft.citizenWords(), MAX_WORDS, "referral.words.tooLong");
        var shared = draft.shared().isEmpty() ? EnumSet.noneOf(SharedField.class) : EnumSet.copyOf(draft.shared());
        String firstName = shared.contains(SharedField.FIRST_NAME) ? optional(draft.firstName(), 100, "referral.firstName.tooLong") : null;
        String contact = shared.contains(SharedField.CONTACT) ? optional(draft.contact(), 200, "referral.contact.tooLong") : null;
        if (shared.contains(SharedField.CONTACT) && contact == null) {
            throw new DomainException("referral.contact.missing");
        }
        if (words == null) {
            shared.remove(SharedField.WORDS);
        }
        var referral = new Referral(UUID.randomUUID(), draft.citizen().value(), draft.offerId(), cut(draft.offerName(), 200),
                draft.organizationId(), cut(draft.organizationName(), 200), referrer, draft.team(), ReferralStatus.DRAFT,
                null, null, null, draft.needsSupport(), draft.accompaniment(),
                shared.stream().map(SharedField::name).collect(Collectors.joining(",")), firstName, contact, words, null,
                0, null, null, null, null, null, null, null, null, null, null,
                draft.context() == null ? ReferralContext.CITIZEN_PAGE : draft.context(), draft.toFullOffer(), null,
                null, null, List.of(), null, referrer, now, referrer, now);
        referral.history.add(new Change(now, referrer, null, ReferralStatus.DRAFT, null, null, null, null));
        return referral;
    }

    /** Sent to the association: a draft becomes requested, and the days without an answer start. */
    void send(String by, Instant now) {
        require(ReferralStatus.DRAFT);
        this.requestedAt = now;
        move(ReferralStatus.REQUESTED, null, null, by, now);
    }

    /** The association says yes: a requested referral, or one waiting on the waitlist, is accepted. */
    void accept(String by, Instant now) {
        require(ReferralStatus.REQUESTED, ReferralStatus.ON_HOLD);
        if (status == ReferralStatus.ON_HOLD && attendances > 0) {
            throw illegal();
        }
        answered(now);
        if (acceptedAt == null) {
            this.acceptedAt = now;
        }
        move(ReferralStatus.ACCEPTED, null, null, by, now);
    }

    /**
     * Følgeskab: a volunteer or peer accepted to go with the citizen. Only a referral that asked for accompaniment
     * and that the association has accepted (or where the citizen already comes) gets a buddy.
     */
    void buddyAssigned(String volunteerName, String by, Instant now) {
        if (!accompaniment) {
            throw new DomainException("volunteer.assign.noAccompaniment");
        }
        requireForBuddy();
        move(status, BusinessStatus.BUDDY_ASSIGNED, "Følges af " + cut(volunteerName, 200), by, now);
    }

    /** The buddy handed the referral back (paused, left, declined): kept in the history, staff find another. */
    void buddyHandedBack(String why, String by, Instant now) {
        if (status.isOpen()) {
            move(status, businessStatus == BusinessStatus.BUDDY_ASSIGNED ? null : businessStatus,
                    reason(why, true, "referral.reason.missing"), by, now);
        }
    }

    /**
     * The buddy's report after the first visit, kept in the history: went in together (accompanied to the first
     * visit) or the citizen did not come, with what the citizen wants next in words. The association still records
     * attendance; the state does not change here.
     */
    void buddyReported(boolean wentTogether, String words, String by, Instant now) {
        requireForBuddy();
        move(status, wentTogether ? BusinessStatus.ACCOMPANIED_TO_FIRST_VISIT : BusinessStatus.DID_NOT_ATTEND,
                reason(words, true, "referral.reason.missing"), by, now);
    }

    private void requireForBuddy() {
        if (status != ReferralStatus.ACCEPTED && status != ReferralStatus.IN_PROGRESS) {
            throw new DomainException("volunteer.assign.notAccepted",
                    new org.springframework.context.support.DefaultMessageSourceResolvable(status.messageKey()));
        }
    }

    /** The association says no, for a reason: no capacity, not eligible, or another given in words. */
    void decline(@Nullable BusinessStatus why, @Nullable String note, String by, Instant now) {
        require(ReferralStatus.REQUESTED, ReferralStatus.ON_HOLD);
        if (why == null || !EnumSet.of(BusinessStatus.NO_CAPACITY, BusinessStatus.NOT_ELIGIBLE, BusinessStatus.OTHER)
                .contains(why)) {
            throw new DomainException("referral.decline.reasonMissing");
        }
        String text = reason(note, why == BusinessStatus.OTHER, "referral.decline.reasonMissing");
        answered(now);
        if (why == BusinessStatus.NO_CAPACITY) {
            this.fullOffer = true;
        }
        move(ReferralStatus.REJECTED, why, text, by, now);
    }

    /** No place now: the citizen waits on the offer's waitlist (on hold, no capacity) until a place is free. */
    void waitlist(@Nullable String note, String by, Instant now) {
        require(ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED);
        answered(now);
        this.fullOffer = true;
        move(ReferralStatus.ON_HOLD, BusinessStatus.NO_CAPACITY, reason(note, false, "referral.reason.missing"), by, now);
    }

    /** The association proposes when the citizen comes the first time; the day may not have passed. */
    void proposeFirstDate(@Nullable LocalDateTime when, LocalDateTime nowLocal, String by, Instant now) {
        require(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);
        if (when == null) {
            throw new DomainException("referral.firstDate.missing");
        }
        if (when.isBefore(nowLocal)) {
            throw new DomainException("referral.firstDate.past");
        }
        this.firstDate = when;
        move(status, BusinessStatus.FIRST_VISIT_PLANNED, null, by, now);
    }

    /**
     * Whether the citizen came: coming makes the referral in progress (accompanied the first time, when someone
     * went along); not coming is kept and changes nothing else.
     */
    void recordAttendance(boolean came, String by, Instant now) {
        require(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);
        if (!came) {
            move(status, BusinessStatus.DID_NOT_ATTEND, null, by, now);
            return;
        }
        attendances++;
        if (firstVisitAt == null) {
            this.firstVisitAt = now;
        }
        var detail = attendances == 1 && accompaniment ? BusinessStatus.ACCOMPANIED_TO_FIRST_VISIT
                : businessStatus == BusinessStatus.ATTENDING_REGULARLY ? BusinessStatus.ATTENDING_REGULARLY
                : BusinessStatus.ATTENDED;
        move(ReferralStatus.IN_PROGRESS, detail, null, by, now);
    }

    /** "Kommer fast": only after the citizen came at least {@code minimumTimes}. */
    void attendingRegularly(int minimumTimes, String by, Instant now) {
        require(ReferralStatus.IN_PROGRESS);
        if (attendances < minimumTimes) {
            throw new DomainException("referral.regularly.tooFew", minimumTimes, attendances);
        }
        if (regularlyAt == null) {
            this.regularlyAt = now;
        }
        move(ReferralStatus.IN_PROGRESS, BusinessStatus.ATTENDING_REGULARLY, null, by, now);
    }

    /** Paused, for a reason (the citizen must act first, the consent was withdrawn, ...). */
    void hold(@Nullable BusinessStatus why, @Nullable String note, String by, Instant now) {
        require(ReferralStatus.IN_PROGRESS, ReferralStatus.ACCEPTED);
        move(ReferralStatus.ON_HOLD, why == null ? BusinessStatus.NEEDS_CITIZEN_ACTION : why,
                reason(note, true, "referral.reason.missing"), by, now);
    }

    /** Going on after a pause: back in progress once the citizen has come, else accepted again. */
    void resume(String by, Instant now) {
        require(ReferralStatus.ON_HOLD);
        if (attendances == 0) {
            move(ReferralStatus.ACCEPTED, null, null, by, now);
        } else {
            move(ReferralStatus.IN_PROGRESS, null, null, by, now);
        }
    }

    /** The citizen goes on their own: done, with the outcome in words. */
    void complete(@Nullable String outcome, String by, Instant now) {
        require(ReferralStatus.IN_PROGRESS);
        this.outcome = reason(outcome, true, "referral.outcome.missing");
        move(ReferralStatus.COMPLETED, businessStatus == BusinessStatus.ATTENDING_REGULARLY
                ? BusinessStatus.ATTENDING_REGULARLY : null, null, by, now);
    }

    /** It stopped without the citizen getting there (could not contact, no longer interested, referred elsewhere). */
    void stop(@Nullable BusinessStatus why, @Nullable String note, String by, Instant now) {
        require(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD);
        if (why == null || !EnumSet.of(BusinessStatus.COULD_NOT_CONTACT, BusinessStatus.NO_LONGER_INTERESTED,
                BusinessStatus.REFERRED_ELSEWHERE, BusinessStatus.OTHER).contains(why)) {
            throw new DomainException("referral.stop.reasonMissing");
        }
        move(ReferralStatus.FAILED, why, reason(note, why == BusinessStatus.OTHER, "referral.stop.reasonMissing"), by,
                now);
    }

    /** Withdrawn by either side while open; a reason is required. */
    void cancel(@Nullable String reason, String by, Instant now) {
        if (!status.isOpen()) {
            throw illegal();
        }
        move(ReferralStatus.CANCELLED, null, reason(reason, true, "referral.cancel.reasonMissing"), by, now);
    }

    /** Made by mistake (the wrong citizen, the wrong offer): by the referrer, with a reason; final. */
    void enteredInError(@Nullable String reason, String by, Instant now) {
        if (status == ReferralStatus.ENTERED_IN_ERROR) {
            throw illegal();
        }
        move(ReferralStatus.ENTERED_IN_ERROR, null, reason(reason, true, "referral.reason.missing"), by, now);
    }

    /**
     * A declined, cancelled or failed referral is sent again (a place came free, the citizen changed their mind):
     * requested anew, the days without an answer start again, the history stays.
     */
    void reopen(@Nullable String reason, String by, Instant now) {
        require(ReferralStatus.REJECTED, ReferralStatus.CANCELLED, ReferralStatus.FAILED);
        String why = reason(reason, true, "referral.reason.missing");
        this.requestedAt = now;
        this.answeredAt = null;
        this.remindedAt = null;
        this.flaggedAt = null;
        this.outcome = null;
        move(ReferralStatus.REQUESTED, null, why, by, now);
    }

    /**
     * The citizen's own answer, given in /mig or told to staff on the phone ({@code via}): how they want to be
     * contacted (or not at all) and a few words to the referrer go with it. "Nej tak" cancels the referral as no
     * longer wanted; "ikke lige nu" puts one under way on hold for the citizen (one not yet answered by the
     * association goes on, the association sees the answer); "ja tak" changes no state. Only while the referral is
     * open and sent; the latest answer stands, each one is kept in the history.
     */
    void citizenAnswered(CitizenAnswer answer, @Nullable ContactWish wish, @Nullable String note, AnswerChannel via,
            String by, Instant now) {
        require(ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD);
        String words = optional(note, MAX_REASON, "referral.reason.tooLong");
        this.citizenAnswer = answer;
        this.citizenContactWish = wish;
        this.citizenNote = words;
        this.citizenAnsweredAt = now;
        this.citizenAnsweredVia = via;
        switch (answer) {
            case NO -> move(ReferralStatus.CANCELLED, BusinessStatus.NO_LONGER_INTERESTED, words, by, now,
                    answer.messageKey(), via);
            case NOT_NOW -> {
                if (status == ReferralStatus.ACCEPTED || status == ReferralStatus.IN_PROGRESS) {
                    move(ReferralStatus.ON_HOLD, BusinessStatus.NEEDS_CITIZEN_ACTION, words, by, now,
                            answer.messageKey(), via);
                } else {
                    note(words, by, now, answer.messageKey(), via);
                }
            }
            case YES -> note(words, by, now, answer.messageKey(), via);
        }
    }

    /**
     * "Fortæl hvordan det gik": the citizen's own report once the first time has come or the citizen came. It changes no
     * state (the association records attendance); it is kept and reaches the referrer.
     */
    void citizenReported(CitizenReport report, @Nullable String note, AnswerChannel via, String by, Instant now,
            LocalDateTime nowLocal) {
        require(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD, ReferralStatus.COMPLETED);
        if (!hadFirstTime(nowLocal)) {
            throw new DomainException("referral.report.tooEarly");
        }
        String words = optional(note, MAX_REASON, "referral.reason.tooLong");
        this.citizenReport = report;
        note(words, by, now, report.messageKey(), via);
    }

    /** A line in the history that changes no state: what the citizen said. */
    private void note(@Nullable String words, String by, Instant now, String said, AnswerChannel via) {
        this.updatedBy = by;
        this.updatedAt = now;
        history.add(new Change(now, by, status, status, businessStatus, words, said, via));
    }

    /** The association was reminded of an unanswered referral. */
    void reminded(Instant now) {
        this.remindedAt = now;
    }

    /** Unanswered for the referrer's limit of days: flagged to the referrer (once). */
    boolean flagUnanswered(Instant now) {
        if (status != ReferralStatus.REQUESTED || flaggedAt != null) {
            return false;
        }
        this.flaggedAt = now;
        return true;
    }

    private void answered(Instant now) {
        if (answeredAt == null) {
            this.answeredAt = now;
        }
    }

    private void move(ReferralStatus to, @Nullable BusinessStatus detail, @Nullable String why, String by, Instant now) {
        move(to, detail, why, by, now, null, null);
    }

    private void move(ReferralStatus to, @Nullable BusinessStatus detail, @Nullable String why, String by, Instant now,
            @Nullable String citizenSaid, @Nullable AnswerChannel via) {
        var from = status;
        this.status = to;
        this.businessStatus = detail;
        this.statusReason = why;
        this.updatedBy = by;
        this.updatedAt = now;
        history.add(new Change(now, by, from, to, detail, why, citizenSaid, via));
        if (from.isOpen() && !to.isOpen()) {
            registerEvent(new ReferralClosed(id(), citizen(), to));
        }
    }

    private void require(ReferralStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw illegal();
        }
    }

    /** An illegal transition, in Danish naming the state the referral is in. */
    private DomainException illegal() {
        return new DomainException("referral.transition.illegal",
                new org.springframework.context.support.DefaultMessageSourceResolvable(status.messageKey()));
    }

    private static @Nullable String reason(@Nullable String text, boolean required, String missingKey) {
        String stripped = text == null || text.isBlank() ? null : text.strip();
        if (stripped == null && required) {
            throw new DomainException(missingKey);
        }
        if (stripped != null && stripped.length() > MAX_REASON) {
            throw new DomainException("referral.reason.tooLong", MAX_REASON);
        }
        return stripped;
    }

    private static @Nullable String optional(@Nullable String text, int max, String tooLongKey) {
        String stripped = text == null || text.isBlank() ? null : text.strip();
        if (stripped != null && stripped.length() > max) {
            throw new DomainException(tooLongKey, max);
        }
        return stripped;
    }

    private static String cut(String text, int max) {
        String stripped = text.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }

    public ReferralId id() { return new ReferralId(id); }
    public CitizenId citizen() { return new CitizenId(citizenId); }
    public UUID offerId() { return offerId; }
    public String offerName() { return offerName; }
    public UUID organizationId() { return organizationId; }
    public String organizationName() { return organizationName; }
    public String referrer() { return referrer; }
    public String team() { return team; }
    public ReferralStatus status() { return status; }
    public @Nullable BusinessStatus businessStatus() { return businessStatus; }
    public @Nullable String statusReason() { return statusReason; }
    public @Nullable String outcome() { return outcome; }
    public @Nullable SupportLevel needsSupport() { return needsSupport; }
    public boolean accompaniment() { return accompaniment; }
    public Set<SharedField> shared() { return sharedFields(sharedFields); }
    /** The shared fields as the column keeps them (comma-separated names). */
    static Set<SharedField> sharedFields(String column) {
        return column.isEmpty() ? Set.of() : Arrays.stream(column.split(",")).map(SharedField::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SharedField.class)));
    }
    public @Nullable String firstName() { return firstName; }
    public @Nullable String contact() { return contact; }
    public @Nullable String citizenWords() { return citizenWords; }
    public @Nullable LocalDateTime firstDate() { return firstDate; }
    public int attendances() { return attendances; }
    public @Nullable Instant requestedAt() { return requestedAt; }
    public @Nullable Instant answeredAt() { return answeredAt; }
    public @Nullable Instant remindedAt() { return remindedAt; }
    public @Nullable Instant flaggedAt() { return flaggedAt; }
    public @Nullable CitizenAnswer citizenAnswer() { return citizenAnswer; }
    public @Nullable ContactWish citizenContactWish() { return citizenContactWish; }
    public @Nullable String citizenNote() { return citizenNote; }
    public @Nullable Instant citizenAnsweredAt() { return citizenAnsweredAt; }
    public @Nullable AnswerChannel citizenAnsweredVia() { return citizenAnsweredVia; }
    public @Nullable CitizenReport citizenReport() { return citizenReport; }
    /** The citizen came, or the first time agreed has come: there is something to tell about. */
    public boolean hadFirstTime(LocalDateTime now) {
        return attendances > 0 || (firstDate != null && !firstDate.isAfter(now));
    }
    /** The citizen (or staff from a phone call) may tell how it went ({@link #citizenReported}). */
    public boolean takesCitizenReport(LocalDateTime now) {
        return hadFirstTime(now) && (status == ReferralStatus.ACCEPTED || status == ReferralStatus.IN_PROGRESS
                || status == ReferralStatus.ON_HOLD || status == ReferralStatus.COMPLETED);
    }
    /** The citizen asked not to be contacted: the association waits for the citizen to get in touch. */
    public boolean citizenWantsNoContact() { return citizenContactWish == ContactWish.NOT_AT_ALL; }
    public ReferralContext context() { return context; }
    /** The offer was full when the citizen was referred, or the association waitlisted or declined for no room. */
    public boolean fullOffer() { return fullOffer; }
    public @Nullable Instant acceptedAt() { return acceptedAt; }
    public @Nullable Instant firstVisitAt() { return firstVisitAt; }
    public @Nullable Instant regularlyAt() { return regularlyAt; }
    public List<Change> history() { return Collections.unmodifiableList(history); }
    public @Nullable Long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
    public boolean isOpen() { return status.isOpen(); }

    /** The events registered and not yet published; here so the package's rules tests can read them. */
    @Override
    protected java.util.Collection<Object> domainEvents() {
        return super.domainEvents();
    }
}

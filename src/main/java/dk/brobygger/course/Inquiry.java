package dk.brobygger.course;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;

/**
 * Henvendelse: someone contacted Én indgang wanting a change, in their own words. It may name no citizen (a
 * relative asking for advice, an anonymous caller) and stays so until a host links it to a citizen, saying why; it
 * is closed by a course started, or by advice given, a referral elsewhere or no contact. The host marks when the
 * person was contacted, so the board shows who still waits.
 */
public class Inquiry {

    static final int MAX_WISH = 2000;

    /** What is known when the inquiry arrives. */
    public record Received(InquiryChannel channel, InquirySource source, @Nullable String contactName,
            @Nullable String contactRoute, @Nullable String onBehalfOf, String wish, Urgency urgency,
            CitizenKnows citizenKnows, boolean young, @Nullable CitizenId citizen, @Nullable String recordedBy) {
    }

    private final InquiryId id;
    private final Instant receivedAt;
    private final InquiryChannel channel;
    private final InquirySource source;
    private @Nullable String contactName;
    private @Nullable String contactRoute;
    private @Nullable String onBehalfOf;
    private String wish;
    private final Urgency urgency;
    private final CitizenKnows citizenKnows;
    private final boolean young;
    private @Nullable CitizenId citizen;
    private @Nullable Instant linkedAt;
    private @Nullable String linkedBy;
    private @Nullable String linkReason;
    private @Nullable Instant contactedAt;
    private @Nullable String contactedBy;
    private @Nullable InquiryOutcome outcome;
    private @Nullable String outcomeNote;
    private @Nullable Instant closedAt;
    private final @Nullable Instant anonymisedAt;
    private final @Nullable String recordedBy;
    private final long version;

    Inquiry(InquiryId id, Instant receivedAt, InquiryChannel channel, InquirySource source, @Nullable String contactName,
            @Nullable String contactRoute, @Nullable String onBehalfOf, String wish, Urgency urgency,
            CitizenKnows citizenKnows, boolean young, @Nullable CitizenId citizen, @Nullable Instant linkedAt,
            @Nullable String linkedBy, @Nullable String linkReason, @Nullable Instant contactedAt,
            @Nullable String contactedBy, @Nullable InquiryOutcome outcome, @Nullable String outcomeNote,
            @Nullable Instant closedAt, @Nullable Instant anonymisedAt, @Nullable String recordedBy, long version) {
        this.id = id;
        this.receivedAt = receivedAt;
        this.channel = channel;
        this.source = source;
        this.contactName = contactName;
        this.contactRoute = contactRoute;
        this.onBehalfOf = onBehalfOf;
        this.wish = wish;
        this.urgency = urgency;
        this.citizenKnows = citizenKnows;
        this.young = young;
        this.citizen = citizen;
        this.linkedAt = linkedAt;
        this.linkedBy = linkedBy;
        this.linkReason = linkReason;
        this.contactedAt = contactedAt;
        this.contactedBy = contactedBy;
        this.outcome = outcome;
        this.outcomeNote = outcomeNote;
        this.closedAt = closedAt;
        this.anonymisedAt = anonymisedAt;
        this.recordedBy = recordedBy;
        this.version = version;
    }

    /**
     * A new inquiry. Nothing in it is refused but an empty wish: the person's own words are what a host starts
     * from. An anonymous inquiry keeps no name or contact route, and one made in person or from /mig by the
     * citizen is contacted as it arrives.
     */
    static Inquiry receive(Received received, Instant now) {
        String wish = Inputs.required(received.wish(), MAX_WISH, "course.inquiry.wish.missing",
                "course.inquiry.wish.tooLong");
        boolean anonymous = received.source() == InquirySource.ANONYMOUS;
        String name = anonymous ? null : Inputs.optional(received.contactName(), 200, "course.inquiry.name.tooLong");
        String route = anonymous ? null : Inputs.optional(received.contactRoute(), 200, "course.inquiry.route.tooLong");
        String behalf = Inputs.optional(received.onBehalfOf(), 200, "course.inquiry.behalf.tooLong");
        boolean metInPerson = received.channel() == InquiryChannel.WALK_IN || received.channel() == InquiryChannel.PHONE
                || received.channel() == InquiryChannel.MEETING;
        return new Inquiry(InquiryId.random(), now, received.channel(), received.source(), name, route, behalf, wish,
                received.urgency(), received.citizenKnows(), received.young(), received.citizen(),
                received.citizen() == null ? null : now, received.citizen() == null ? null : received.recordedBy(),
                null, metInPerson ? now : null, metInPerson ? received.recordedBy() : null, null, null, null, null,
                received.recordedBy(), -1);
    }

    /** The host has spoken with the person (called back, met them). */
    void contacted(String by, Instant now) {
        requireOpen();
        if (contactedAt == null) {
            contactedAt = now;
            contactedBy = by;
        }
    }

    /**
     * The inquiry is about this citizen, for the reason given (who and why are kept). An inquiry linked to one
     * citizen is never moved to another.
     */
    void linkTo(CitizenId citizen, @Nullable String reason, String by, Instant now) {
        String why = Inputs.required(reason, 500, "course.inquiry.link.reason.missing",
                "course.inquiry.link.reason.tooLong");
        if (anonymisedAt != null) {
            throw new DomainException("course.inquiry.anonymised.link");
        }
        if (this.citizen != null && !this.citizen.equals(citizen)) {
            throw new DomainException("course.inquiry.linkedElsewhere");
        }
        if (this.citizen == null) {
            this.citizen = citizen;
            this.linkedAt = now;
            this.linkedBy = by;
            this.linkReason = why;
        }
    }

    /** A course started from the inquiry: it is linked to the course's citizen, contacted and closed. */
    void courseStarted(CitizenId citizen, String by, Instant now) {
        requireOpen();
        linkTo(citizen, "Forløb startet fra henvendelsen", by, now);
        contacted(by, now);
        close(InquiryOutcome.COURSE_STARTED, null, by, now);
    }

    /** The host closes the inquiry without a course: advice given, sent elsewhere, or no contact. */
    void close(@Nullable InquiryOutcome how, @Nullable String note, String by, Instant now) {
        requireOpen();
        if (how == null) {
            throw new DomainException("course.inquiry.outcome.missing");
        }
        this.outcomeNote = Inputs.optional(note, 1000, "course.inquiry.note.tooLong");
        this.outcome = how;
        this.closedAt = now;
        if (how != InquiryOutcome.NO_CONTACT) {
            contactedAt = contactedAt == null ? now : contactedAt;
            contactedBy = contactedBy == null ? by : contactedBy;
        }
    }

    private void requireOpen() {
        if (closedAt != null) {
            throw new DomainException("course.inquiry.closed");
        }
    }

    /** How long the person has waited for contact (until contacted, or until now). */
    public Duration waited(Instant now) {
        return Duration.between(receivedAt, contactedAt != null ? contactedAt : now);
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public InquiryId id() { return id; }
    public Instant receivedAt() { return receivedAt; }
    public InquiryChannel channel() { return channel; }
    public InquirySource source() { return source; }
    public @Nullable String contactName() { return contactName; }
    public @Nullable String contactRoute() { return contactRoute; }
    public @Nullable String onBehalfOf() { return onBehalfOf; }
    public String wish() { return wish; }
    public Urgency urgency() { return urgency; }
    public CitizenKnows citizenKnows() { return citizenKnows; }
    public boolean young() { return young; }
    public @Nullable CitizenId citizen() { return citizen; }
    public @Nullable Instant linkedAt() { return linkedAt; }
    public @Nullable String linkedBy() { return linkedBy; }
    public @Nullable String linkReason() { return linkReason; }
    public @Nullable Instant contactedAt() { return contactedAt; }
    public @Nullable String contactedBy() { return contactedBy; }
    public @Nullable InquiryOutcome outcome() { return outcome; }
    public @Nullable String outcomeNote() { return outcomeNote; }
    public @Nullable Instant closedAt() { return closedAt; }
    public @Nullable Instant anonymisedAt() { return anonymisedAt; }
    public @Nullable String recordedBy() { return recordedBy; }
    public long version() { return version; }

    @Override
    public boolean equals(Object other) {
        return other instanceof Inquiry inquiry && inquiry.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}

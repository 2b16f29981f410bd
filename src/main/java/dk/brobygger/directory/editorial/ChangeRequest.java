package dk.brobygger.directory.editorial;

import java.time.Instant;
import java.util.UUID;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Ændringsforslag: an association editor's proposed change, waiting for a municipal editor.
 * It is decided once: approved or rejected with a written reason.
 */
@Table("change_request")
public class ChangeRequest {

    /** What the proposal is about. */
    public enum Subject {
        /** A new offer; {@code offerId} is empty until it is approved. */
        NEW_OFFER,
        /** New details for an existing offer. */
        OFFER,
        /** New details for the organisation itself. */
        ORGANIZATION
    }

    /** Where the proposal is in moderation. */
    public enum Status {
        PENDING, APPROVED, REJECTED;

        public String messageKey() {
            return "editorial.request.status." + name();
        }
    }

    @Id
    private final UUID id;
    private final Subject subject;
    private @Nullable UUID offerId;
    private final UUID organizationId;
    private final @Nullable Long baseVersion;
    private final String proposal;
    private final String summary;
    private Status status;
    private final Instant submittedAt;
    private final String submittedBy;
    private @Nullable Instant decidedAt;
    private @Nullable String decidedBy;
    private @Nullable String decisionReason;
    @Version
    private @Nullable Long version;

    @PersistenceCreator
    ChangeRequest(UUID id, Subject subject, @Nullable UUID offerId, UUID organizationId, @Nullable Long baseVersion,
            String proposal, String summary, Status status, Instant submittedAt, String submittedBy,
            @Nullable Instant decidedAt, @Nullable String decidedBy, @Nullable String decisionReason,
            @Nullable Long version) {
        this.id = id;
        this.subject = subject;
        this.offerId = offerId;
        this.organizationId = organizationId;
        this.baseVersion = baseVersion;
        this.proposal = proposal;
        this.summary = summary;
        this.status = status;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.decisionReason = decisionReason;
        this.version = version;
    }

    /**
     * A new proposal.
     *
     * @param baseVersion the version of the offer or organisation the proposer saw; empty for a new offer
     * @param proposal the proposed details as JSON
     * @param summary what it is about in a few words, for the queue ("Strikkeklubben")
     */
    static ChangeRequest submit(Subject subject, @Nullable UUID offerId, UUID organizationId,
            @Nullable Long baseVersion, String proposal, String summary, String by, Instant now) {
        if (subject == Subject.OFFER && (offerId == null || baseVersion == null)) {
            throw new IllegalArgumentException("A change to an offer names the offer and the version it changes");
        }
        String shortSummary = summary.length() > 400 ? summary.substring(0, 400) : summary;
        return new ChangeRequest(UUID.randomUUID(), subject, offerId, organizationId, baseVersion, proposal,
                shortSummary, Status.PENDING, now, by, null, null, null, null);
    }

    /** The moderator accepts the proposal. */
    void approve(String by, Instant now) {
        requirePending();
        this.status = Status.APPROVED;
        this.decidedAt = now;
        this.decidedBy = by;
    }

    /** The moderator turns the proposal down and says why; the proposer sees the reason. */
    void reject(String reason, String by, Instant now) {
        requirePending();
        if (reason.isBlank()) {
            throw new DomainException("editorial.reject.reason.required");
        }
        this.status = Status.REJECTED;
        this.decidedAt = now;
        this.decidedBy = by;
        this.decisionReason = reason.strip();
    }

    /** An approved new offer now exists; the request points to it. */
    void linkTo(UUID createdOffer) {
        if (subject != Subject.NEW_OFFER || status != Status.APPROVED) {
            throw new IllegalStateException("Only an approved new offer is linked afterwards");
        }
        this.offerId = createdOffer;
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new DomainException("editorial.request.alreadyDecided");
        }
    }

    public UUID id() { return id; }
    public Subject subject() { return subject; }
    public @Nullable UUID offerId() { return offerId; }
    public UUID organizationId() { return organizationId; }
    @Nullable Long baseVersion() { return baseVersion; }
    String proposal() { return proposal; }
    public String summary() { return summary; }
    public Status status() { return status; }
    public Instant submittedAt() { return submittedAt; }
    public String submittedBy() { return submittedBy; }
    @Nullable Instant decidedAt() { return decidedAt; }
    public @Nullable String decidedBy() { return decidedBy; }
    public @Nullable String decisionReason() { return decisionReason; }
    public @Nullable Long version() { return version; }
}

package dk.brobygger.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Opsporingsemne: a citizen on the outreach list and why (the reason, the rule as it was when the item was
 * made, the life event and its date), then how it ended. Only an open item is closed with an outcome or
 * withdrawn; a closing is announced as {@link OutreachItemClosed}, a withdrawal as {@link OutreachItemWithdrawn}. The nightly evaluation makes items
 * in bulk with SQL; each single change goes through this aggregate.
 */
@Table("outreach_item")
class OutreachItem extends AbstractAggregateRoot<OutreachItem> {

    /** Where the item stands. */
    public enum Status {
        OPEN, CLOSED,
        /** The event that caused it was cancelled (e.g. a cancelled hospital notification). */
        WITHDRAWN
    }

    /** The rule version the item was made under. */
    public record Rule(long id, @Nullable Integer minAge, @Nullable Integer maxAge, boolean livingAlone,
            int withinDays) {
    }

    /** The life event behind the item. */
    public record Event(UUID id, RiskReason type, LocalDate occurredOn, String source, LifeEvent.ArrivedVia arrivedVia) {
    }

    @Id
    private final UUID id;
    private final UUID citizenId;
    private final RiskReason reason;
    @Column("rule_id")
    private final long ruleId;
    @Column("life_event_id")
    private final @Nullable UUID lifeEventId;
    private final LocalDate reasonDate;
    private Status status;
    private @Nullable Outcome outcome;
    private @Nullable LocalDate outcomeOn;
    private final Instant createdAt;
    private @Nullable String closedBy;
    private @Nullable Instant closedAt;
    private @Nullable Instant withdrawnAt;
    @Version
    private @Nullable Long version;

    @PersistenceCreator
    OutreachItem(UUID id, UUID citizenId, RiskReason reason, long ruleId, @Nullable UUID lifeEventId,
            LocalDate reasonDate, Status status, @Nullable Outcome outcome, @Nullable LocalDate outcomeOn,
            Instant createdAt, @Nullable String closedBy, @Nullable Instant closedAt, @Nullable Instant withdrawnAt,
            @Nullable Long version) {
        this.id = id;
        this.citizenId = citizenId;
        this.reason = reason;
        this.ruleId = ruleId;
        this.lifeEventId = lifeEventId;
        this.reasonDate = reasonDate;
        this.status = status;
        this.outcome = outcome;
        this.outcomeOn = outcomeOn;
        this.createdAt = createdAt;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
        this.withdrawnAt = withdrawnAt;
        this.version = version;
    }

    /** Ends the open item with an outcome on a day that is not after {@code today}. */
    void close(Outcome how, LocalDate on, LocalDate today, String by, Instant now) {
        if (on.isAfter(today)) {
            throw new DomainException("outreach.outcome.future");
        }
        requireOpen();
        this.status = Status.CLOSED;
        this.outcome = how;
        this.outcomeOn = on;
        this.closedBy = by;
        this.closedAt = now;
        registerEvent(new OutreachItemClosed(id, citizen(), how));
    }

    /** The event behind the open item was cancelled: the item no longer holds. */
    void withdraw(Instant now) {
        requireOpen();
        this.status = Status.WITHDRAWN;
        this.withdrawnAt = now;
        registerEvent(new OutreachItemWithdrawn(id, citizen()));
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new DomainException("outreach.item.notOpen");
        }
    }

    public OutreachItemId id() { return new OutreachItemId(id); }
    public CitizenId citizen() { return new CitizenId(citizenId); }
    public RiskReason reason() { return reason; }
    public @Nullable UUID lifeEventId() { return lifeEventId; }
    public LocalDate reasonDate() { return reasonDate; }
    public Status status() { return status; }
    public @Nullable Outcome outcome() { return outcome; }
    public @Nullable LocalDate outcomeOn() { return outcomeOn; }
    public Instant createdAt() { return createdAt; }

    /** The events registered and not yet published; here so the package's rules tests can read them. */
    @Override
    protected java.util.Collection<Object> domainEvents() {
        return super.domainEvents();
    }
}

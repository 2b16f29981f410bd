package dk.brobygger.homevisit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Tilbud om forebyggende hjemmebesøg (DOMAIN.md §1): citizen, the rule it was offered under, date
 * offered, channel, accepted or declined, date held, who held it. The offer guards its own steps: an
 * answer never comes before the offer or after the visit was held, and a declined offer is not held.
 */
@Table("homevisit_offer")
public class VisitOffer {

    /** The citizen's answer. */
    public enum Answer {
        ACCEPTED, DECLINED
    }

    @Id
    private final UUID id;
    private final UUID citizenId;
    @Column("visit_year")
    private final int year;
    private final String rule;
    private final LocalDate offeredOn;
    private final OfferChannel channel;
    private @Nullable Answer answer;
    private @Nullable LocalDate answeredOn;
    private @Nullable LocalDate heldOn;
    private @Nullable String heldBy;
    private final String recordedBy;
    private final Instant recordedAt;
    @Version
    private @Nullable Long version;

    @PersistenceCreator
    VisitOffer(UUID id, UUID citizenId, int year, String rule, LocalDate offeredOn, OfferChannel channel,
            @Nullable Answer answer, @Nullable LocalDate answeredOn, @Nullable LocalDate heldOn,
            @Nullable String heldBy, String recordedBy, Instant recordedAt, @Nullable Long version) {
        this.id = id;
        this.citizenId = citizenId;
        this.year = year;
        this.rule = rule;
        this.offeredOn = offeredOn;
        this.channel = channel;
        this.answer = answer;
        this.answeredOn = answeredOn;
        this.heldOn = heldOn;
        this.heldBy = heldBy;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.version = version;
    }

    /** The visit is offered to a citizen due one in the year, under the rule that makes them due. */
    static VisitOffer offer(CitizenId citizen, int year, String rule, LocalDate offeredOn, OfferChannel channel,
            String by, Instant now) {
        return new VisitOffer(UUID.randomUUID(), citizen.value(), year, rule, offeredOn, channel, null, null, null,
                null, by, now, null);
    }

    /** The citizen accepted or declined, on a day not before the offer and while the visit is not yet held. */
    void answer(Answer answer, LocalDate on) {
        if (heldOn != null) {
            throw new DomainException("homevisit.offer.alreadyHeld");
        }
        if (on.isBefore(offeredOn)) {
            throw new DomainException("homevisit.offer.answerBeforeOffer");
        }
        this.answer = answer;
        this.answeredOn = on;
    }

    /** The visit was held by the visitor: not if the citizen declined, and not before the offer was made. */
    void held(LocalDate on, String visitor) {
        if (answer == Answer.DECLINED) {
            throw new DomainException("homevisit.offer.declined");
        }
        if (on.isBefore(offeredOn)) {
            throw new DomainException("homevisit.offer.heldBeforeOffer");
        }
        this.heldOn = on;
        this.heldBy = visitor;
        if (answeredOn == null) {
            this.answeredOn = on;
        }
        this.answer = Answer.ACCEPTED;
    }

    public OfferStatus status() {
        if (heldOn != null) {
            return OfferStatus.HELD;
        }
        if (answer == null) {
            return OfferStatus.OFFERED;
        }
        return answer == Answer.ACCEPTED ? OfferStatus.ACCEPTED : OfferStatus.DECLINED;
    }

    public VisitOfferId id() { return new VisitOfferId(id); }
    public CitizenId citizen() { return new CitizenId(citizenId); }
    public int year() { return year; }
    public String rule() { return rule; }
    public LocalDate offeredOn() { return offeredOn; }
    public OfferChannel channel() { return channel; }
    public @Nullable Answer answer() { return answer; }
    public @Nullable LocalDate answeredOn() { return answeredOn; }
    public @Nullable LocalDate heldOn() { return heldOn; }
    public @Nullable String heldBy() { return heldBy; }
    public String recordedBy() { return recordedBy; }
    public long version() { return version == null ? 0 : version; }
}

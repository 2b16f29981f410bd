package dk.brobygger.homevisit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Forebyggende hjemmebesøg: a preventive home visit, planned, held or cancelled. It guards its own
 * course: a cancelled visit is not documented as held, a held visit is not cancelled. The "Fællesskab"
 * tag is never set by hand: it follows from what was done (community discussed, any part of the
 * loneliness conversation, the card handed out), so the count means the same in every district. An
 * agreed follow-up call is announced as {@link FollowUpAgreed}.
 *
 * <p>Themes and the conversation are kept as comma-separated names in one column each (the schema's
 * choice, portable to H2 and PostgreSQL); the visit turns them into sets.
 */
@Table("visit")
class Visit extends AbstractAggregateRoot<Visit> {

    /** The longest a follow-up call may wait after the visit (DOMAIN.md §1). */
    public static final int FOLLOW_UP_WEEKS = 6;

    static final int MAX_NOTES = 4000;

    /** An offer from the directory suggested to the citizen at this visit. */
    @Table("visit_suggestion")
    public record Suggestion(UUID offerId, String offerName, String suggestedBy, Instant suggestedAt) {
    }

    @Id
    private final UUID id;
    private final UUID citizenId;
    private final String visitor;
    private final LocalDateTime plannedStart;
    private final int durationMinutes;
    private final VisitPlace place;
    private VisitStatus status;
    private @Nullable LocalDate heldOn;
    private String themes;
    private String conversation;
    private boolean cardHandedOut;
    private boolean communityTag;
    private @Nullable String notes;
    private @Nullable LocalDate followUpOn;
    @MappedCollection(idColumn = "visit_id")
    private final Set<Suggestion> suggestions;
    @Version
    private @Nullable Long version;
    private final String createdBy;
    private final Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;

    @PersistenceCreator
    Visit(UUID id, UUID citizenId, String visitor, LocalDateTime plannedStart, int durationMinutes, VisitPlace place,
            VisitStatus status, @Nullable LocalDate heldOn, String themes, String conversation, boolean cardHandedOut,
            boolean communityTag, @Nullable String notes, @Nullable LocalDate followUpOn, Set<Suggestion> suggestions,
            @Nullable Long version, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
        this.id = id;
        this.citizenId = citizenId;
        this.visitor = visitor;
        this.plannedStart = plannedStart;
        this.durationMinutes = durationMinutes;
        this.place = place;
        this.status = status;
        this.heldOn = heldOn;
        this.themes = themes;
        this.conversation = conversation;
        this.cardHandedOut = cardHandedOut;
        this.communityTag = communityTag;
        this.notes = notes;
        this.followUpOn = followUpOn;
        this.suggestions = new HashSet<>(suggestions);
        this.version = version;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    /**
     * A visit planned by the visitor: from a year back to two years ahead of {@code today}, 10 minutes to
     * 8 hours long, at a place.
     */
    static Visit plan(CitizenId citizen, String visitor, @Nullable LocalDateTime start, int durationMinutes,
            @Nullable VisitPlace place, LocalDate today, Instant now) {
        if (start == null) {
            throw new DomainException("visit.start.missing");
        }
        if (start.toLocalDate().isBefore(today.minusYears(1)) || start.toLocalDate().isAfter(today.plusYears(2))) {
            throw new DomainException("visit.start.outOfRange");
        }
        if (durationMinutes < 10 || durationMinutes > 480) {
            throw new DomainException("visit.duration.outOfRange");
        }
        if (place == null) {
            throw new DomainException("visit.place.missing");
        }
        return new Visit(UUID.randomUUID(), citizen.value(), visitor, start, durationMinutes, place,
                VisitStatus.PLANNED, null, "", "", false, false, null, null, Set.of(), null, visitor, now, visitor,
                now);
    }

    public static boolean earnsCommunityTag(Set<VisitTheme> themes, Set<ConversationElement> conversation,
            boolean cardHandedOut) {
        return themes.contains(VisitTheme.COMMUNITY) || !conversation.isEmpty() || cardHandedOut;
    }

    /**
     * Records what happened at the visit, which makes it held (documenting it again corrects it). A
     * cancelled visit cannot be documented as held. An agreed follow-up call, within 6 weeks of the visit,
     * is announced when it is new or moved.
     */
    void document(Visits.Documentation documentation, LocalDate today, String by, Instant now) {
        if (status == VisitStatus.CANCELLED) {
            throw new DomainException("visit.document.cancelled");
        }
        LocalDate held = documentation.heldOn();
        if (held == null) {
            throw new DomainException("visit.heldOn.missing");
        }
        if (held.isAfter(today)) {
            throw new DomainException("visit.heldOn.future");
        }
        LocalDate followUp = documentation.followUpOn();
        if (followUp != null && (!followUp.isAfter(held) || followUp.isAfter(held.plusWeeks(FOLLOW_UP_WEEKS)))) {
            throw new DomainException("visit.followUp.window", FOLLOW_UP_WEEKS);
        }
        String text = documentation.notes() == null || documentation.notes().isBlank() ? null
                : documentation.notes().strip();
        if (text != null && text.length() > MAX_NOTES) {
            throw new DomainException("visit.notes.tooLong", MAX_NOTES);
        }
        boolean agreedNow = followUp != null && !Objects.equals(followUp, followUpOn);
        this.status = VisitStatus.HELD;
        this.heldOn = held;
        this.themes = join(documentation.themes());
        this.conversation = join(documentation.conversation());
        this.cardHandedOut = documentation.cardHandedOut();
        this.communityTag = earnsCommunityTag(documentation.themes(), documentation.conversation(),
                documentation.cardHandedOut());
        this.notes = text;
        this.followUpOn = followUp;
        changedBy(by, now);
        if (agreedNow) {
            registerEvent(new FollowUpAgreed(id, citizen(), visitor, followUp));
        }
    }

    /** The visit will not take place. A held visit cannot be cancelled. */
    void cancel(String by, Instant now) {
        if (status == VisitStatus.HELD) {
            throw new DomainException("visit.cancel.held");
        }
        this.status = VisitStatus.CANCELLED;
        changedBy(by, now);
    }

    /** Offers from the directory suggested to the citizen; those already suggested stay as they were. */
    void suggest(Collection<Suggestion> offers, String by, Instant now) {
        var known = suggestions.stream().map(Suggestion::offerId).collect(Collectors.toSet());
        for (var offer : offers) {
            if (known.add(offer.offerId())) {
                String name = offer.offerName().strip();
                suggestions.add(new Suggestion(offer.offerId(), name.length() > 200 ? name.substring(0, 200) : name,
                        by, now));
            }
        }
    }

    /** An offer is no longer suggested. */
    void withdrawSuggestion(UUID offerId) {
        suggestions.removeIf(suggestion -> suggestion.offerId().equals(offerId));
    }

    private void changedBy(String by, Instant now) {
        this.updatedBy = by;
        this.updatedAt = now;
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> split(@Nullable String text, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(name -> Enum.valueOf(type, name)).forEach(values::add);
        }
        return values;
    }

    public LocalDateTime plannedEnd() {
        return plannedStart.plusMinutes(durationMinutes);
    }

    public boolean isHeld() {
        return status == VisitStatus.HELD;
    }

    public VisitId id() { return new VisitId(id); }
    public CitizenId citizen() { return new CitizenId(citizenId); }
    public String visitor() { return visitor; }
    public LocalDateTime plannedStart() { return plannedStart; }
    public int durationMinutes() { return durationMinutes; }
    public VisitPlace place() { return place; }
    public VisitStatus status() { return status; }
    public @Nullable LocalDate heldOn() { return heldOn; }
    public Set<VisitTheme> themes() { return split(themes, VisitTheme.class); }
    public Set<ConversationElement> conversation() { return split(conversation, ConversationElement.class); }
    public boolean cardHandedOut() { return cardHandedOut; }
    public boolean communityTag() { return communityTag; }
    public @Nullable String notes() { return notes; }
    public @Nullable LocalDate followUpOn() { return followUpOn; }
    public long version() { return version == null ? 0 : version; }
    public String updatedBy() { return updatedBy; }
    public Instant updatedAt() { return updatedAt; }

    /** The offers suggested at the visit, in the order they were suggested. */
    public List<Suggestion> suggestions() {
        return suggestions.stream().sorted(Comparator.comparing(Suggestion::suggestedAt)
                .thenComparing(Suggestion::offerName)).toList();
    }

    /** The events registered and not yet published; here so the package's rules tests can read them. */
    @Override
    protected java.util.Collection<Object> domainEvents() {
        return super.domainEvents();
    }
}

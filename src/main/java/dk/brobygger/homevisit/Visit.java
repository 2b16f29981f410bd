package dk.brobygger.homevisit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;

/**
 * A preventive home visit, planned or held. The "Fællesskab" tag is never set by hand: it follows
 * from what was done (community discussed, any part of the loneliness conversation, the card handed
 * out), so the count means the same in every district.
 */
public record Visit(UUID id, CitizenId citizen, String visitor, LocalDateTime plannedStart, int durationMinutes,
        VisitPlace place, VisitStatus status, @Nullable LocalDate heldOn, Set<VisitTheme> themes,
        Set<ConversationElement> conversation, boolean cardHandedOut, boolean communityTag, @Nullable String notes,
        @Nullable LocalDate followUpOn, List<Suggestion> suggestions, long version, String updatedBy,
        Instant updatedAt) {

    /** The longest a follow-up call may wait after the visit (DOMAIN.md §1). */
    public static final int FOLLOW_UP_WEEKS = 6;

    /** An offer from the directory suggested to the citizen at this visit. */
    public record Suggestion(UUID offerId, String offerName, String suggestedBy, Instant suggestedAt) {
    }

    public static boolean earnsCommunityTag(Set<VisitTheme> themes, Set<ConversationElement> conversation,
            boolean cardHandedOut) {
        return themes.contains(VisitTheme.COMMUNITY) || !conversation.isEmpty() || cardHandedOut;
    }

    public LocalDateTime plannedEnd() {
        return plannedStart.plusMinutes(durationMinutes);
    }

    public boolean isHeld() {
        return status == VisitStatus.HELD;
    }
}

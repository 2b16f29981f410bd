package dk.brobygger.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Bryd glasset: time-limited access to a citizen without a relation, with a written reason, flagged for a
 * manager's review. The citizen module audits each use.
 */
public interface BreakTheGlass {

    /** Access granted by breaking the glass, until {@code expiresAt}. */
    record GlassBroken(long id, UUID citizenId, String username, String reason, Instant grantedAt, Instant expiresAt,
            @Nullable String reviewedBy, @Nullable Instant reviewedAt) {
    }

    /** Breaks the glass; the reason is required (10 to 2,000 characters). */
    GlassBroken breakTheGlass(BrobyggerUser user, UUID citizenId, String reason);

    /** Break-the-glass events no manager has reviewed yet, oldest first. */
    List<GlassBroken> awaitingReview();

    /** How many break-the-glass events wait for review, and the oldest {@code limit} of them (the start page). */
    Waiting waiting(int limit);

    /** A count of the events awaiting review and the oldest few. */
    record Waiting(long count, List<GlassBroken> oldest) {
    }

    /** A manager has looked at the event and its reason. */
    void markReviewed(long id, String by);

    /**
     * The citizen was anonymised or deleted: who broke the glass and when stays (it is in the audit log too),
     * why, in the user's own words about the citizen, does not.
     */
    void forgetReasons(UUID citizenId);
}

package dk.brobygger.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The need-to-know policy (DESIGN.md "Access to personal data"): a user sees a citizen only while
 * the user has an active relation to the citizen (an open visit, course, referral or meeting, or
 * an explicit "tilknyt borger"), or for a limited time after breaking the glass with a written
 * reason. Everything that shows a citizen asks this one policy.
 */
public interface NeedToKnow {

    /** May this user see the citizen now? */
    boolean maySee(BrobyggerUser user, UUID citizenId);

    /**
     * The same policy as SQL, for lists and searches over many citizens: {@code sql} selects the ids of the citizens the
     * user may see now, to be used as {@code citizen_id IN (sql)}; its named parameters (all starting with
     * {@code ntk_}) are in {@code params}. A team may see more citizens than a list of ids could carry.
     */
    Subquery visibleTo(BrobyggerUser user);

    /** A piece of SQL with its named parameters. */
    record Subquery(String sql, java.util.Map<String, Object> params) {
    }

    /** Everyone who works or has worked with the citizen, current relations first, then newest first. */
    List<Relation> relationsTo(UUID citizenId);

    /**
     * A user's or a whole team's relation to a citizen ("hvem arbejder med mig"), from {@code since}
     * until it is ended.
     *
     * @param displayName the user's name, or null for a team relation
     * @param endedBy null while active, and for relations ended before it was recorded who ended them
     */
    record Relation(long id, UUID citizenId, @Nullable String username, @Nullable String displayName,
            @Nullable String team, String reason, String createdBy, Instant since, @Nullable Instant endedAt,
            @Nullable String endedBy) {

        public boolean isActive() {
            return endedAt == null;
        }
    }

    /** Starts a relation between a user and a citizen; the work that needs it names the reason. */
    void relate(UUID citizenId, String username, String reason, String by);

    /**
     * Starts a relation between a whole team and a citizen: every current member may see the citizen.
     * Returns the relation's id, so the work that started it can end exactly this relation.
     */
    long relateTeam(UUID citizenId, String team, String reason, String by);

    /** Ends one relation (the work that started it is done); an already ended one stays as it was. */
    void endRelation(long relationId, String by);

    /** Ends the user's active relations to the citizen (the work is done). */
    void endRelation(UUID citizenId, String username, String by);

    /** Ends one relation of the citizen; false if there is no such active relation. */
    boolean endRelation(UUID citizenId, long relationId, String by);

    /**
     * Opbevaring: citizens who have relations, none of them active, the last ended before
     * {@code cutoff}; at most {@code limit} of them, the longest ended first.
     */
    List<UUID> citizensWhoseLastRelationEndedBefore(Instant cutoff, int limit);

    /**
     * Forgets the citizen's relations, and the reasons given for breaking the glass to them, when the citizen is
     * anonymised or deleted after the retention period.
     */
    void forgetRelations(UUID citizenId);

    /** Breaks the glass: time-limited access with a written reason, flagged for review. */
    GlassBroken breakTheGlass(BrobyggerUser user, UUID citizenId, String reason);

    /** Access granted by breaking the glass, until {@code expiresAt}. */
    record GlassBroken(long id, UUID citizenId, String username, String reason, Instant grantedAt, Instant expiresAt,
            @Nullable String reviewedBy, @Nullable Instant reviewedAt) {
    }

    /** Break-the-glass events no manager has reviewed yet, oldest first. */
    List<GlassBroken> awaitingReview();

    /** A manager has looked at the event and its reason. */
    void markReviewed(long id, String by);
}

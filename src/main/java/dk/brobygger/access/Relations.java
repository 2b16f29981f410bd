package dk.brobygger.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;

/**
 * Tilknytninger: who works with which citizen, opened by the work and ended with it. A relation names the
 * work that opened it ({@link WorkRef}; none for an explicit "tilknyt borger" or for registering the
 * citizen), so that ending the work ends exactly its relations.
 *
 * <p>This is bookkeeping only: it neither checks who may open or end a relation nor audits. Modules go
 * through {@code dk.brobygger.citizen.CitizenWork}, which does both.
 */
public interface Relations {

    /** Who holds a relation: one user, or every current member of a team. */
    record Holder(@Nullable String username, @Nullable String team) {

        public Holder {
            if ((username == null) == (team == null)) {
                throw new IllegalArgumentException("A relation is held by a user or by a team");
            }
        }

        public static Holder user(String username) {
            return new Holder(username, null);
        }

        public static Holder team(String team) {
            return new Holder(null, team);
        }
    }

    /**
     * A user's or a whole team's relation to a citizen ("hvem arbejder med mig"), from {@code since}
     * until it is ended.
     *
     * @param displayName the user's name, or null for a team relation
     * @param work        the work that opened it, or null for an explicit relation
     * @param scope       null when the holder sees the whole citizen; otherwise the one part it may see
     * @param endedBy     null while active, and for relations ended before it was recorded who ended them
     */
    record Relation(long id, UUID citizenId, @Nullable String username, @Nullable String displayName,
            @Nullable String team, @Nullable WorkRef work, @Nullable String scope, String reason, String createdBy,
            Instant since, @Nullable Instant endedAt, @Nullable String endedBy) {

        public boolean isActive() {
            return endedAt == null;
        }
    }

    /** Opens a relation. A user holder must exist, a team holder must be a team. */
    Relation open(UUID citizenId, Holder holder, @Nullable WorkRef work, @Nullable String scope, String reason,
            String by);

    /** Ends every active relation the work opened; returns those it ended (none if the work had ended). */
    List<Relation> endWork(WorkRef work, String by);

    /** Ends one active relation of the citizen; empty if there is no such active relation. */
    Optional<Relation> end(UUID citizenId, long relationId, String by);

    /** The active relations the work opened. */
    List<Relation> ofWork(WorkRef work);

    /**
     * Mine borgere: the citizens a user works with now, through relations of their own or of their current teams,
     * the most recently related first; how many there are and the page from {@code offset}.
     */
    WorkedWith workedWith(String username, long offset, int limit);

    /** How many citizens a user works with, and one page of them. */
    record WorkedWith(long count, List<UUID> citizens) {
    }

    /** Everyone who works or has worked with the citizen, current relations first, then newest first. */
    List<Relation> relationsTo(UUID citizenId);

    /**
     * Opbevaring: citizens who have relations, none of them active, the last ended before
     * {@code cutoff}; at most {@code limit} of them, the longest ended first.
     */
    List<UUID> citizensWhoseLastRelationEndedBefore(Instant cutoff, int limit);

    /** Forgets the citizen's relations when the citizen is anonymised or deleted after the retention period. */
    void forget(UUID citizenId);
}

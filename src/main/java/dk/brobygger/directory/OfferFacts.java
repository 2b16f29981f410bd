package dk.brobygger.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One offer as another module weighs it before sending a citizen there (a referral's fit, DOMAIN.md §3 and §8): who
 * runs it, whether it runs, the support it gives, for whom, when, where and how far from the citizen, and its
 * capacity. Read from the directory's own tables, not the search index, so a referral sees the offer as it is now.
 */
public interface OfferFacts {

    /**
     * The offer, with its distance from {@code origin} (an address or postcode, as the search takes it) when
     * that is given and found.
     */
    Optional<Offer> find(UUID offerId, @Nullable String origin);

    /**
     * An offer's facts.
     *
     * @param placesLeft   free places now, null when the association has not said
     * @param targetGroups the names of the target groups (målgrupper), in Danish
     * @param distanceKm   from the origin asked for, null when there was none or it was not found
     * @param assessmentRequired the association assesses the citizen before saying yes
     * @param capacityNote the association's note on its capacity
     */
    record Offer(UUID id, String name, UUID organizationId, String organizationName, OfferStatus status,
            SupportLevel supportLevel, boolean accompaniment, @Nullable Integer minAge, @Nullable Integer maxAge,
            List<String> targetGroups, @Nullable Integer placesLeft, boolean waitlist, boolean assessmentRequired,
            @Nullable String capacityNote, List<WeeklySchedule> schedules,
            String address, String postalCode, String city, String district, LocalDate assuredDate,
            @Nullable Double distanceKm) {

        public Offer {
            targetGroups = List.copyOf(targetGroups);
            schedules = List.copyOf(schedules);
        }

        /** No place left and no waitlist: nobody can be sent there now. */
        public boolean isFull() {
            return placesLeft != null && placesLeft <= 0 && !waitlist;
        }

        /** No place left, but a waitlist. */
        public boolean hasOnlyWaitlist() {
            return placesLeft != null && placesLeft <= 0 && waitlist;
        }
    }
}

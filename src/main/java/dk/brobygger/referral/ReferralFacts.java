package dk.brobygger.referral;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;

/**
 * What a FHIR Task or ServiceRequest shows of a referral: the {@link Referral} itself when one is read or answered,
 * or a search's row of it ({@link ReferralFhirSearch}), which needs none of the referral's history and so is read
 * with the page's other referrals in one query instead of one aggregate at a time.
 */
interface ReferralFacts {

    ReferralId id();

    CitizenId citizen();

    UUID offerId();

    String offerName();

    UUID organizationId();

    String organizationName();

    String team();

    ReferralStatus status();

    @Nullable BusinessStatus businessStatus();

    @Nullable String statusReason();

    @Nullable String outcome();

    Set<SharedField> shared();

    @Nullable String firstName();

    @Nullable String contact();

    @Nullable String citizenWords();

    @Nullable Instant requestedAt();

    Instant createdAt();

    Instant updatedAt();

    @Nullable Long version();

    default boolean shares(SharedField field) {
        return shared().contains(field);
    }

    /** The citizen's words as the association may read them: only when the citizen agreed to share them. */
    default @Nullable String sharedWords() {
        return shares(SharedField.WORDS) ? citizenWords() : null;
    }
}

package dk.brobygger.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An offer's capacity as operational data, not content: the association's own contacts keep it current directly
 * (no moderation), every change is kept in the offer's history and reaches search on every node, and a referral
 * the association accepts takes a place. Who may change which organisation's offers is decided by the caller (the
 * association's pages pass the contact's own organisation); an offer of another organisation is not found.
 */
public interface OfferCapacity {

    /**
     * One offer's capacity as it stands.
     *
     * @param placesLeft free places, null when the association has not said
     * @param version    the offer's version, for a change that must not overwrite another
     */
    record Current(UUID offerId, String offerName, OfferStatus status, Capacity capacity, @Nullable Integer placesLeft,
            boolean waitlist, @Nullable String note, @Nullable Instant changedAt, @Nullable String changedBy,
            long version) {
    }

    /** The organisation's offers (inactive ones too) with their capacity, by name. */
    List<Current> ofOrganization(UUID organizationId);

    /**
     * The organisation's contact sets the offer's capacity as it was at {@code seenVersion}: refused in Danish
     * ({@link dk.brobygger.shared.DomainException}) for places that do not fit the code, a note too long, or a
     * change someone else made in between ({@code capacity.stale}); nothing is saved then.
     */
    Current change(UUID organizationId, UUID offerId, long seenVersion, @Nullable Capacity capacity,
            @Nullable Integer placesLeft, @Nullable String note, String by);

    /**
     * An accepted referral takes a place: one fewer left, and at none the offer has no room (or only its waitlist).
     * Nothing changes when the association has not said how many places there are.
     */
    void takePlace(UUID offerId, String by);
}

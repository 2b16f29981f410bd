package dk.brobygger.directory.offer;

import java.util.List;
import java.util.UUID;

import dk.brobygger.directory.Capacity;
import dk.brobygger.directory.OfferCapacity;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link OfferCapacity} on the directory's own offers, through {@link DirectoryChanges}. */
@Service
class OfferCapacities implements OfferCapacity {

    private final Offers offers;
    private final DirectoryChanges changes;

    OfferCapacities(Offers offers, DirectoryChanges changes) {
        this.offers = offers;
        this.changes = changes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Current> ofOrganization(UUID organizationId) {
        return offers.findByOrganizationIdOrderByName(organizationId).stream().map(OfferCapacities::current).toList();
    }

    @Override
    @Transactional
    public Current change(UUID organizationId, UUID offerId, long seenVersion, @Nullable Capacity capacity,
            @Nullable Integer placesLeft, @Nullable String note, String by) {
        offers.findById(offerId).filter(offer -> offer.organizationId().equals(organizationId))
                .orElseThrow(() -> new NotFoundException("offer " + offerId));
        try {
            return current(changes.changeCapacity(offerId, seenVersion, capacity, placesLeft, note, by));
        } catch (OptimisticLockingFailureException e) {
            throw new DomainException("capacity.stale");
        }
    }

    @Override
    @Transactional
    public void takePlace(UUID offerId, String by) {
        changes.takePlace(offerId, by);
    }

    private static Current current(Offer offer) {
        return new Current(offer.id(), offer.name(), offer.status(), offer.capacity(), offer.placesLeft(),
                offer.waitlist(), offer.capacityNote(), offer.capacityChangedAt(), offer.capacityChangedBy(),
                offer.version() == null ? 0 : offer.version());
    }
}

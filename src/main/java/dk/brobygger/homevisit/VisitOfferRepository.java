package dk.brobygger.homevisit;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * Where offers are kept. Not named {@code VisitOffers} in the plural like other repositories, because that
 * name is the service other modules call, which checks need-to-know and audits before it comes here.
 */
interface VisitOfferRepository extends Repository<VisitOffer, UUID> {

    Optional<VisitOffer> findById(UUID id);

    Optional<VisitOffer> findByCitizenIdAndYear(UUID citizenId, int year);

    VisitOffer save(VisitOffer offer);
}

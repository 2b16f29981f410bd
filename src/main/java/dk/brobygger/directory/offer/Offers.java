package dk.brobygger.directory.offer;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All offers. */
public interface Offers extends ListCrudRepository<Offer, UUID> {

    List<Offer> findByOrganizationIdOrderByName(UUID organizationId);
}

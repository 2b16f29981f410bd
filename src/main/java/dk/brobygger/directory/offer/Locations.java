package dk.brobygger.directory.offer;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All places where offers meet. */
public interface Locations extends ListCrudRepository<Location, UUID> {

    List<Location> findByOrganizationIdOrderByName(UUID organizationId);
}

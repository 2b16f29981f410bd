package dk.brobygger.directory.offer;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All organisations. */
public interface Organizations extends ListCrudRepository<Organization, UUID> {
}

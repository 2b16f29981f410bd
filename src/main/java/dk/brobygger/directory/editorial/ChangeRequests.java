package dk.brobygger.directory.editorial;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

/** All change requests, decided or not. */
interface ChangeRequests extends ListCrudRepository<ChangeRequest, UUID> {

    /** The queue: pass a pageable sorted oldest first. */
    Page<ChangeRequest> findByStatus(ChangeRequest.Status status, Pageable pageable);

    long countByStatus(ChangeRequest.Status status);

    List<ChangeRequest> findByOrganizationIdOrderBySubmittedAtDesc(UUID organizationId);
}

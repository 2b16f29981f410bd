package dk.brobygger.outreach;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Where outreach items are kept, one at a time. Not named {@code OutreachItems} in the plural like other
 * repositories, because that name is the service with the list, the access checks and the audit.
 */
interface OutreachItemRepository extends Repository<OutreachItem, UUID> {

    Optional<OutreachItem> findById(UUID id);

    /** The open items a cancelled hospital event caused, through its life events. */
    @Query("""
            SELECT i.* FROM outreach_item i JOIN life_event e ON e.id = i.life_event_id
             WHERE e.hospital_event_id = :event AND i.status = 'OPEN'
            """)
    List<OutreachItem> findOpenByHospitalEvent(@Param("event") UUID hospitalEvent);

    OutreachItem save(OutreachItem item);
}

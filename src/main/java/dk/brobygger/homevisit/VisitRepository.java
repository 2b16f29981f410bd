package dk.brobygger.homevisit;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * Where visits are kept, with their suggested offers. Not named {@code Visits} in the plural like other
 * repositories, because that name is the service pages and other modules call, which checks
 * need-to-know and audits before it comes here.
 */
interface VisitRepository extends Repository<Visit, UUID> {

    Optional<Visit> findById(UUID id);

    List<Visit> findByCitizenIdOrderByPlannedStartDesc(UUID citizenId);

    List<Visit> findByVisitorAndPlannedStartGreaterThanEqualAndPlannedStartLessThanOrderByPlannedStart(String visitor,
            LocalDateTime from, LocalDateTime until);

    Visit save(Visit visit);
}

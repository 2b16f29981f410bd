package dk.brobygger.referral;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Where volunteers are kept, one at a time; {@link Volunteers} is the service pages call. */
interface VolunteerRepository extends Repository<Volunteer, UUID> {

    Optional<Volunteer> findById(UUID id);

    Optional<Volunteer> findByUsername(String username);

    /** Onboarded or paused volunteers whose vetting lapsed before {@code today}: the nightly job's work. */
    @Query("""
            SELECT * FROM volunteer WHERE stage IN ('ONBOARDED', 'PAUSED')
               AND (vetted_until IS NULL OR vetted_until < :today)
            """)
    List<Volunteer> findLapsed(@Param("today") java.time.LocalDate today);

    Volunteer save(Volunteer volunteer);
}

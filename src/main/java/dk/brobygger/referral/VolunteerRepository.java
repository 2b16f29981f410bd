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

    /** Volunteers who stopped before {@code before} and still have their own data (the retention). */
    @Query("""
            SELECT * FROM volunteer WHERE left_at < :before AND anonymised_at IS NULL
               AND stage IN ('DECLINED', 'EXPIRED')
            """)
    List<Volunteer> findStoppedBefore(@Param("before") java.time.Instant before);

    Volunteer save(Volunteer volunteer);
}

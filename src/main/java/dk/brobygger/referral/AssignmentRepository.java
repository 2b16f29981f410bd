package dk.brobygger.referral;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Where assignments of volunteers to referrals are kept. */
interface AssignmentRepository extends Repository<Assignment, UUID> {

    Optional<Assignment> findById(UUID id);

    List<Assignment> findByReferralIdOrderByAssignedAtDesc(UUID referralId);

    List<Assignment> findByVolunteerIdOrderByAssignedAtDesc(UUID volunteerId);

    @Query("SELECT * FROM volunteer_assignment WHERE volunteer_id = :volunteer AND status IN ('PROPOSED', 'ACCEPTED')")
    List<Assignment> findOpenOfVolunteer(@Param("volunteer") UUID volunteer);

    @Query("SELECT * FROM volunteer_assignment WHERE referral_id = :referral AND status IN ('PROPOSED', 'ACCEPTED')")
    List<Assignment> findOpenOfReferral(@Param("referral") UUID referral);

    Assignment save(Assignment assignment);
}

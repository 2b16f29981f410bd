package dk.brobygger.referral;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Where referrals are kept, one at a time, with their history. Not named {@code Referrals} like other
 * repositories, because that name is the service pages call, which checks access, consent and audits first.
 */
interface ReferralRepository extends Repository<Referral, UUID> {

    Optional<Referral> findById(UUID id);

    List<Referral> findByCitizenIdOrderByCreatedAtDesc(UUID citizenId);

    /** The citizen's open referrals to one offer (at most one, kept so by {@link Referrals}). */
    @Query("""
            SELECT * FROM referral WHERE citizen_id = :citizen AND offer_id = :offer
               AND status IN ('DRAFT', 'REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')
            """)
    List<Referral> findOpen(@Param("citizen") UUID citizen, @Param("offer") UUID offer);

    Referral save(Referral referral);
}

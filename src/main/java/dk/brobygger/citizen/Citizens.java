package dk.brobygger.citizen;

import java.util.Optional;
import java.util.UUID;

import dk.brobygger.shared.CprNumber;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * All citizens. Goes around {@link CitizenAccess}, so it stays inside this module: other modules read
 * and change citizens through {@link CitizenRegister} and {@link CitizenRecords}.
 */
interface Citizens extends Repository<Citizen, UUID>, CitizenRows {

    Citizen save(Citizen citizen);

    Optional<Citizen> findById(UUID id);

    /** The citizen, read by {@link CitizenRowsImpl}. */
    @Override
    Optional<Citizen> find(CitizenId id);

    @Query("SELECT * FROM citizen WHERE cpr = :cpr")
    Optional<Citizen> findByCprDigits(@Param("cpr") String cpr);

    default Optional<Citizen> findByCpr(CprNumber cpr) {
        return findByCprDigits(cpr.value());
    }

    @Query("SELECT COUNT(*) FROM citizen")
    long count();
}

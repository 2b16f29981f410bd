package dk.brobygger.citizen;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data only: consents as a citizen would have given them, for other modules' demo data (a referral's consent
 * to share with an association). The citizen module keeps the consent table; other modules' demo writers ask here
 * instead of writing it, as they would in production through the consent page.
 */
@Component
@Profile("demo-data & !postgres")
public class DemoConsents {

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoConsents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The citizen consented, {@code daysAgo}, to share what {@code scope} says with the named party. */
    public void give(CitizenId citizen, ConsentParty party, String partyName, String scope, int daysAgo,
            String recordedBy) {
        jdbc.sql("""
                INSERT INTO consent (id, citizen_id, party, party_name, scope, given_on, recorded_by, recorded_at)
                VALUES (:id, :citizen, :party, :name, :scope, :given, :by, :at)
                """).param("id", UUID.randomUUID()).param("citizen", citizen.value()).param("party", party.name())
                .param("name", partyName).param("scope", scope)
                .param("given", LocalDate.now(clock).minusDays(daysAgo)).param("by", recordedBy)
                .param("at", Timestamp.from(clock.instant().minusSeconds(daysAgo * 86_400L))).update();
    }
}

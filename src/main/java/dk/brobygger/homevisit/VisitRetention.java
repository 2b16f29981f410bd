package dk.brobygger.homevisit;

import java.sql.Timestamp;
import java.time.Clock;

import dk.brobygger.citizen.CitizenExpired;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opbevaring for home visits: when a citizen's retention period has run out, their visits keep what
 * statistics count (dates, place, status, themes, the loneliness checklist, the card, the "Fællesskab"
 * tag, the offers suggested) and lose the visitor's notes. Offers, the home care record and the
 * worklist hold no free text. A deleted citizen's visits, offers, home care and worklist tasks go by
 * ON DELETE CASCADE.
 *
 * <p>Runs in the retention job's transaction for that citizen (see {@link CitizenExpired}), so the
 * notes go with the citizen's name or not at all.
 */
@Component
class VisitRetention {

    private static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final Clock clock;

    VisitRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CitizenExpired expired) {
        if (!expired.anonymised()) {
            return;
        }
        // A new version, so that a form still open on such a visit cannot write the notes back.
        jdbc.sql("""
                UPDATE visit SET notes = NULL, version = version + 1, updated_by = :by, updated_at = :now
                 WHERE citizen_id = :citizen AND notes IS NOT NULL
                """).param("by", SYSTEM).param("now", Timestamp.from(clock.instant()))
                .param("citizen", expired.citizen().value()).update();
    }
}

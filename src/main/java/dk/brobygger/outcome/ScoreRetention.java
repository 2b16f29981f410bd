package dk.brobygger.outcome;

import dk.brobygger.citizen.CitizenExpired;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opbevaring for scores: when a citizen's retention period has run out, their scores keep the
 * instrument and version, the answers (numbers on the instrument's scale), score, band and day, and lose
 * the free-text context ("where it was given"). A deleted citizen's scores go by ON DELETE CASCADE.
 *
 * <p>Runs in the retention job's transaction for that citizen (see {@link CitizenExpired}).
 */
@Component
class ScoreRetention {

    private final JdbcClient jdbc;

    ScoreRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CitizenExpired expired) {
        if (!expired.anonymised()) {
            return;
        }
        jdbc.sql("UPDATE instrument_response SET context = NULL WHERE citizen_id = :citizen AND context IS NOT NULL")
                .param("citizen", expired.citizen().value()).update();
    }
}

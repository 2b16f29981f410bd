package dk.brobygger.followup;

import dk.brobygger.citizen.CitizenExpired;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opbevaring for follow-up tasks: when a citizen's retention period has run out, their tasks keep kind,
 * dates, status and the outcome statistics count (reached, joined a community) and lose the free text:
 * the notes and the name of the community joined. A deleted citizen's tasks go by ON DELETE CASCADE.
 *
 * <p>Runs in the retention job's transaction for that citizen (see {@link CitizenExpired}).
 */
@Component
class TaskRetention {

    private final JdbcClient jdbc;

    TaskRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CitizenExpired expired) {
        if (!expired.anonymised()) {
            return;
        }
        // A new version, so that a task still open in a form cannot write the text back.
        jdbc.sql("""
                UPDATE followup_task SET notes = NULL, community = NULL, version = version + 1
                 WHERE citizen_id = :citizen AND (notes IS NOT NULL OR community IS NOT NULL)
                """).param("citizen", expired.citizen().value()).update();
    }
}

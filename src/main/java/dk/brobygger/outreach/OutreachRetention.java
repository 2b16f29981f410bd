package dk.brobygger.outreach;

import dk.brobygger.citizen.CitizenExpired;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opbevaring for outreach: when a citizen's retention period has run out, their life events keep type,
 * day and how they arrived, and lose who told us (the free-text source, often a relative); their outreach
 * items hold only codes and dates and stay as they are. The link to a spouse or partner goes, in both
 * directions: it would tie the anonymised citizen to a named person. A deleted citizen's events, items and
 * links go by ON DELETE CASCADE.
 *
 * <p>Runs in the retention job's transaction for that citizen (see {@link CitizenExpired}).
 */
@Component
class OutreachRetention {

    private final JdbcClient jdbc;

    OutreachRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CitizenExpired expired) {
        if (!expired.anonymised()) {
            return;
        }
        var citizen = expired.citizen().value();
        jdbc.sql("UPDATE life_event SET source = :text WHERE citizen_id = :citizen")
                .param("text", CitizenExpired.ANONYMISED_TEXT).param("citizen", citizen).update();
        jdbc.sql("DELETE FROM outreach_partner WHERE citizen_id = :citizen OR partner_id = :citizen")
                .param("citizen", citizen).update();
    }
}

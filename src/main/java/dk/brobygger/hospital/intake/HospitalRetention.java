package dk.brobygger.hospital.intake;

import dk.brobygger.citizen.CitizenExpired;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opbevaring for hospital notifications. A kept message is the raw MedCom bundle, with the citizen's CPR
 * number and name in it, so when a citizen's retention period has run out:
 * <ul>
 * <li>anonymised: the timeline keeps each event's kind, time and status and loses the hospital's episode
 * identifier; the citizen's messages keep when they arrived, their event code and outcome, and lose the
 * body, the rejection detail and the sender's message and bundle ids (keys into the hospital's records,
 * which name the citizen; a message sent again now finds no CPR number to match and is rejected);</li>
 * <li>deleted: the timeline goes with the citizen (ON DELETE CASCADE, V90), and the citizen's messages
 * here, which the timeline no longer refers to.</li>
 * </ul>
 * Runs in the retention job's transaction for that citizen (see {@link CitizenExpired}).
 */
@Component
class HospitalRetention {

    private final JdbcClient jdbc;

    HospitalRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CitizenExpired expired) {
        var citizen = expired.citizen().value();
        if (!expired.anonymised()) {
            jdbc.sql("DELETE FROM hospital_message WHERE citizen_id = :citizen").param("citizen", citizen).update();
            return;
        }
        jdbc.sql("UPDATE hospital_event SET episode = NULL WHERE citizen_id = :citizen AND episode IS NOT NULL")
                .param("citizen", citizen).update();
        jdbc.sql("""
                UPDATE hospital_message
                   SET body = :text, detail = NULL, message_id = NULL, bundle_id = NULL, accepted_key = NULL
                 WHERE citizen_id = :citizen
                """).param("text", CitizenExpired.ANONYMISED_TEXT).param("citizen", citizen).update();
    }
}

package dk.brobygger.hospital.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;

import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.citizen.CitizenExpired;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opbevaring for messages that never found their citizen: a MedCom message rejected because no citizen has its
 * CPR number (or because it could not be read) names a person all the same. It waits whole on the
 * administrator's list until someone has handled it; {@code brobygger.medcom.handled-retention} (default 90
 * days) after that, a nightly job removes what names anyone: the body, the rejection detail and the sender's
 * message and bundle ids. When it arrived, from whom, its event code and why it was rejected stay, so the list
 * still tells what happened. Messages matched to a citizen follow the citizen's retention
 * ({@link HospitalRetention}).
 */
@Component
class UnmatchedMessageRetention {

    private static final Logger LOG = LoggerFactory.getLogger(UnmatchedMessageRetention.class);

    /** The lock of the nightly run, so it runs on one node of several. */
    static final String JOB = "medcom-unmatched-retention";

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final Period afterHandled;

    UnmatchedMessageRetention(JdbcClient jdbc, ClusterJobs jobs, Clock clock,
            @Value("${brobygger.medcom.handled-retention:P90D}") Period afterHandled) {
        if (afterHandled.isNegative() || afterHandled.isZero()) {
            throw new IllegalArgumentException("brobygger.medcom.handled-retention must be a positive period, e.g. P90D");
        }
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
        this.afterHandled = afterHandled;
    }

    @Scheduled(cron = "${brobygger.medcom.retention-cron:0 40 2 * * *}", zone = DanishTime.NAME)
    void applyNightly() {
        jobs.scheduled(JOB, () -> {
            int cleared = apply();
            if (cleared > 0) {
                LOG.info("Opbevaring: {} behandlede sygehusadviser uden borger har mistet deres indhold", cleared);
            }
        });
    }

    /** Clears the messages due; returns how many. */
    @Transactional
    int apply() {
        Instant cutoff = clock.instant().atZone(clock.getZone()).minus(afterHandled).toInstant();
        return jdbc.sql("""
                UPDATE hospital_message
                   SET body = :text, detail = NULL, message_id = NULL, bundle_id = NULL
                 WHERE citizen_id IS NULL AND outcome = 'QUARANTINED' AND handled_at < :cutoff AND body <> :text
                """).param("text", CitizenExpired.ANONYMISED_TEXT).param("cutoff", Timestamp.from(cutoff)).update();
    }
}

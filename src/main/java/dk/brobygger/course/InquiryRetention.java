package dk.brobygger.course;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;

import dk.brobygger.citizen.CitizenExpired;
import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DanishTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opbevaring for inquiries that never named a citizen (a relative's advice, an anonymous caller): kept
 * {@code brobygger.course.inquiry-retention} (default one year) from arrival, then a nightly job removes who called,
 * how to reach them, on whose behalf and their words. When it came, from which kind of source, by which channel and
 * how it ended stay, for the counts. Inquiries linked to a citizen follow the citizen's retention
 * ({@link CourseContribution}).
 */
@Component
class InquiryRetention {

    private static final Logger LOG = LoggerFactory.getLogger(InquiryRetention.class);

    static final String JOB = "course-inquiry-retention";

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final Period keep;

    InquiryRetention(JdbcClient jdbc, ClusterJobs jobs, Clock clock,
            @Value("${brobygger.course.inquiry-retention:P1Y}") Period keep) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("brobygger.course.inquiry-retention must be a positive period, e.g. P1Y");
        }
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(cron = "${brobygger.course.retention-cron:0 50 2 * * *}", zone = DanishTime.NAME)
    void applyNightly() {
        jobs.scheduled(JOB, () -> {
            int anonymised = apply();
            if (anonymised > 0) {
                LOG.info("Opbevaring: {} henvendelser uden borger er anonymiseret", anonymised);
            }
        });
    }

    /** Anonymises the inquiries due; returns how many. */
    @Transactional
    public int apply() {
        Instant cutoff = clock.instant().atZone(DanishTime.ZONE).minus(keep).toInstant();
        return jdbc.sql("""
                UPDATE course_inquiry
                   SET contact_name = NULL, contact_route = NULL, on_behalf_of = NULL, wish = :text,
                       outcome_note = NULL, anonymised_at = :now, version = version + 1
                 WHERE citizen_id IS NULL AND anonymised_at IS NULL AND received_at < :cutoff
                """).param("text", CitizenExpired.ANONYMISED_TEXT).param("now", Timestamp.from(clock.instant()))
                .param("cutoff", Timestamp.from(cutoff)).update();
    }
}

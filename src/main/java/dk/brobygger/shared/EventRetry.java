package dk.brobygger.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events between modules are never lost. Spring Modulith writes every event for every module listener to the
 * event publication registry ({@code event_publication}, made by Flyway) in the publisher's transaction, and marks
 * it completed when the listener has run; a listener that fails (a database hiccup, a deployment mid-way) leaves its
 * publication incomplete. Those are published again at start-up
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}) and by this job every
 * {@code brobygger.events.retry-every} (default 5 minutes), once they are older than
 * {@code brobygger.events.retry-after} (default 5 minutes): a younger one may still be in a listener's hands.
 * A listener may therefore see an event twice and must be idempotent (as outreach's {@code HospitalEvents} is).
 *
 * <p>With several nodes the retry runs on one of them at a time ({@link ClusterJobs}, lock {@code event-retry}): the
 * node that retries keeps the lock for most of the interval, so the others' schedules skip that round.
 */
@Component
class EventRetry {

    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

    static final String JOB = "event-retry";

    private final IncompleteEventPublications publications;
    private final ClusterJobs jobs;
    private final Duration minimumAge;
    private final Duration every;

    EventRetry(IncompleteEventPublications publications, ClusterJobs jobs,
            @Value("${brobygger.events.retry-after:PT5M}") Duration minimumAge,
            @Value("${brobygger.events.retry-every:PT5M}") Duration every) {
        this.publications = publications;
        this.jobs = jobs;
        this.minimumAge = minimumAge;
        this.every = every;
    }

    /** Publishes again every incomplete publication old enough that no listener is still working on it. */
    @Scheduled(fixedDelayString = "${brobygger.events.retry-every:PT5M}",
            initialDelayString = "${brobygger.events.retry-every:PT5M}")
    void retryIncomplete() {
        // Held for the interval less a second: a node whose schedule fires within it skips; the holder's next round,
        // one interval later, finds the lock free. A node that dies mid-retry frees it after 2 intervals at most.
        Duration atLeast = every.compareTo(Duration.ofSeconds(2)) > 0 ? every.minusSeconds(1) : Duration.ZERO;
        jobs.scheduled(JOB, every.multipliedBy(2), atLeast, () -> retryOlderThan(minimumAge));
    }

    void retryOlderThan(Duration age) {
        log.debug("Resubmitting event publications incomplete for longer than {}", age);
        publications.resubmitIncompletePublicationsOlderThan(age);
    }
}

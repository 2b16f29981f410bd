package dk.brobygger.shared;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events between modules are never lost. Spring Modulith writes every event for every module listener to the
 * event publication registry ({@code event_publication}, made by Flyway) in the publisher's transaction, and marks
 * it completed when the listener has run; a listener that fails (a database hiccup, a deployment mid-way) leaves its
 * publication incomplete. Those are published again by this job every {@code brobygger.events.retry-every} (default
 * 5 minutes), once they are older than {@code brobygger.events.retry-after} (default 5 minutes): a younger one may
 * still be in a listener's hands. A listener may therefore see an event twice and must be idempotent (as outreach's
 * {@code HospitalEvents} is).
 *
 * <p>With several nodes the retry runs on one of them at a time ({@link ClusterJobs}, lock {@code event-retry}): the
 * node that retries keeps the lock for most of the interval, so the others' schedules skip that round.
 *
 * <p>At start-up ({@code brobygger.events.retry-at-start}, default on) the node retries at once, under the same lock,
 * what has failed and what is older than {@code retry-after}: nodes starting together (a rolling restart, a cluster
 * coming up) retry once, not each. This replaces Spring Modulith's
 * {@code spring.modulith.events.republish-outstanding-events-on-restart} (off), which publishes every incomplete
 * publication again on every node that starts, outside any lock, including those another node is working on.
 */
@Component
class EventRetry {

    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

    static final String JOB = "event-retry";

    private final IncompleteEventPublications publications;
    private final ClusterJobs jobs;
    private final Duration minimumAge;
    private final Duration every;
    private final boolean atStart;

    EventRetry(IncompleteEventPublications publications, ClusterJobs jobs,
            @Value("${brobygger.events.retry-after:PT5M}") Duration minimumAge,
            @Value("${brobygger.events.retry-every:PT5M}") Duration every,
            @Value("${brobygger.events.retry-at-start:true}") boolean atStart) {
        this.publications = publications;
        this.jobs = jobs;
        this.minimumAge = minimumAge;
        this.every = every;
        this.atStart = atStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (atStart) {
            try {
                retryAtStart();
            } catch (RuntimeException e) {
                // The scheduled retry tries again; a node must not fail to start over it.
                log.warn("Retrying incomplete event publications at start failed: {}", e.toString());
            }
        }
    }

    /**
     * The retry at start-up, under the scheduled retry's lock: publishes again every publication whose listener failed
     * and every other incomplete one older than {@code retry-after} (a younger one may be in the hands of a listener
     * on another node). Skipped while another node holds the lock (it retried or retries now).
     *
     * @return whether this node retried
     */
    boolean retryAtStart() {
        return jobs.scheduled(JOB, every.multipliedBy(2), lockedAtLeast(), () -> {
            Instant before = Instant.now().minus(minimumAge);
            log.debug("Resubmitting failed event publications, and incomplete ones from before {}", before);
            publications.resubmitIncompletePublications(publication -> publication.getStatus()
                    == EventPublication.Status.FAILED || publication.getPublicationDate().isBefore(before));
        });
    }

    /** Publishes again every incomplete publication old enough that no listener is still working on it. */
    @Scheduled(fixedDelayString = "${brobygger.events.retry-every:PT5M}",
            initialDelayString = "${brobygger.events.retry-every:PT5M}")
    void retryIncomplete() {
        jobs.scheduled(JOB, every.multipliedBy(2), lockedAtLeast(), () -> retryOlderThan(minimumAge));
    }

    /**
     * Held for the interval less a second: a node whose schedule (or start) falls within it skips; the holder's next
     * round, one interval later, finds the lock free. A node that dies mid-retry frees it after 2 intervals at most.
     */
    private Duration lockedAtLeast() {
        return every.compareTo(Duration.ofSeconds(2)) > 0 ? every.minusSeconds(1) : Duration.ZERO;
    }

    void retryOlderThan(Duration age) {
        log.debug("Resubmitting event publications incomplete for longer than {}", age);
        publications.resubmitIncompletePublicationsOlderThan(age);
    }
}

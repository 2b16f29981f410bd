package dk.brobygger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.shared.FailingOnceListener.Probe;

/** Events between modules are never lost: an event whose listener failed is delivered again later. */
@BrobyggerTest
class EventRetryTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EventRetry retry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventWhoseListenerFailedIsDeliveredByTheRetryOnceItIsOldEnough() {
        var probe = new Probe(UUID.randomUUID().toString());
        transaction.executeWithoutResult(status -> events.publishEvent(probe));

        await().atMost(Duration.ofSeconds(10)).until(() -> FailingOnceListener.deliveries(probe) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(probe)));

        // The scheduled run leaves a publication alone while it is younger than brobygger.events.retry-after:
        // a listener may still be working on it.
        retry.retryIncomplete();
        assertThat(FailingOnceListener.deliveries(probe)).isEqualTo(1);
        assertThat(status(probe)).isEqualTo("FAILED");

        retry.retryOlderThan(Duration.ZERO);

        await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(status(probe)));
        assertThat(FailingOnceListener.deliveries(probe)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT completion_date FROM event_publication WHERE serialized_event LIKE :id")
                .param("id", "%" + probe.id() + "%").query(java.sql.Timestamp.class).single()).isNotNull();
    }

    @Test
    void twoNodesStartingTogetherRetryAFailedPublicationOnceUnderTheRetrysLock() throws Exception {
        releaseLock();
        try {
            var probe = new Probe(UUID.randomUUID().toString());
            transaction.executeWithoutResult(status -> events.publishEvent(probe));
            await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(probe)));

            // Two nodes on one database, ready at the same moment: each retries at start (ApplicationReadyEvent).
            var together = new CyclicBarrier(2);
            List<CompletableFuture<Boolean>> starts = List.of(
                    CompletableFuture.supplyAsync(() -> startingNode(together)),
                    CompletableFuture.supplyAsync(() -> startingNode(together)));
            List<Boolean> retried = starts.stream().map(CompletableFuture::join).toList();

            assertThat(retried).as("which node retried").containsExactlyInAnyOrder(true, false);
            // A failed publication is retried at start at once, however young (no listener works on it any more).
            await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(status(probe)));
            assertThat(FailingOnceListener.deliveries(probe)).isEqualTo(2);
            // A third node starting a moment later finds the lock held (the retry interval less a second): it skips.
            assertThat(retry.retryAtStart()).isFalse();
            assertThat(FailingOnceListener.deliveries(probe)).isEqualTo(2);
        } finally {
            releaseLock();
        }
    }

    private boolean startingNode(CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return retry.retryAtStart();
    }

    /** Released, not deleted: ShedLock remembers which lock rows exist and would never take a deleted one again. */
    private void releaseLock() {
        jdbc.sql("UPDATE shedlock SET lock_until = locked_at WHERE name = :job").param("job", EventRetry.JOB).update();
    }

    private String status(Probe probe) {
        return jdbc.sql("SELECT status FROM event_publication WHERE serialized_event LIKE :id")
                .param("id", "%" + probe.id() + "%").query(String.class).optional().orElse("none");
    }
}

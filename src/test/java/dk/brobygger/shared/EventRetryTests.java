package dk.brobygger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

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

    private String status(Probe probe) {
        return jdbc.sql("SELECT status FROM event_publication WHERE serialized_event LIKE :id")
                .param("id", "%" + probe.id() + "%").query(String.class).optional().orElse("none");
    }
}

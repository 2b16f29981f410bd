package dk.brobygger.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * For {@link EventRetryTests}: a module listener that fails the first time it sees each probe, as a listener
 * does when its database hiccups. A top-level component (not nested in the test) so that it joins the one
 * application context the tests share.
 */
@Component
class FailingOnceListener {

    /** An event only EventRetryTests publishes. */
    record Probe(String id) {
    }

    private static final Map<String, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();

    static int deliveries(Probe probe) {
        return DELIVERIES.getOrDefault(probe.id(), new AtomicInteger()).get();
    }

    @ApplicationModuleListener
    void on(Probe probe) {
        if (DELIVERIES.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet() == 1) {
            throw new IllegalStateException("The first delivery of " + probe.id() + " fails");
        }
    }
}

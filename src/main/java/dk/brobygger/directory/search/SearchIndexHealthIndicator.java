package dk.brobygger.directory.search;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "searchIndex" in {@code /actuator/health} and in the readiness group ({@code /actuator/health/readiness}, what a
 * load balancer asks): up once the index is built and has read the directory's change log to its end within
 * {@code brobygger.search.ready-lag} (default 10 s); out of service before, or when it falls behind, so the balancer
 * sends searches to a node that shows every change.
 */
@Component
class SearchIndexHealthIndicator implements HealthIndicator {

    private final SearchIndexFollower follower;
    private final Clock clock;
    private final Duration readyLag;
    private final ChangeLogNotifications notifications;

    SearchIndexHealthIndicator(SearchIndexFollower follower, Clock clock,
            @Value("${brobygger.search.ready-lag:PT10S}") Duration readyLag, ChangeLogNotifications notifications) {
        this.follower = follower;
        this.notifications = notifications;
        this.clock = clock;
        this.readyLag = readyLag;
    }

    @Override
    public Health health() {
        if (!follower.started()) {
            return Health.outOfService().withDetail("reason", "index not built yet").build();
        }
        var behind = Duration.between(follower.caughtUpAt(), clock.instant());
        var health = behind.compareTo(readyLag) <= 0 ? Health.up() : Health.outOfService();
        return health.withDetails(follower.details()).withDetail("behind", behind.toString())
                .withDetail("listening", notifications.listening()).build();
    }
}

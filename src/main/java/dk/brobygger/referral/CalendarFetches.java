package dk.brobygger.referral;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often the public calendar feed may be fetched from one address ({@code brobygger.referral.calendar-per-minute},
 * default 30): calendar programs fetch a feed every few minutes at most, so more is a script, and each fetch is a
 * query. Kept in this node's memory (bounded); a secret link cannot be guessed anyway (256 random bits).
 */
@Component
class CalendarFetches {

    private static final int MAX_TRACKED = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;

    CalendarFetches(@Value("${brobygger.referral.calendar-per-minute:30}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** One more fetch from {@code address}; false when it has fetched too often this minute. */
    boolean allow(String address) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(address, key -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build()).tryConsume(1);
    }
}

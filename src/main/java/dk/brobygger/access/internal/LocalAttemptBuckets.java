package dk.brobygger.access.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/** The attempt buckets in this node's memory: for the embedded H2 database, where there is one node. */
class LocalAttemptBuckets implements AttemptBuckets {

    /** A bound on memory: more keys than this and the counts start over. */
    private static final int MAX_TRACKED = 200_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Set<String> existing(Collection<String> keys) {
        return keys.stream().filter(buckets::containsKey).collect(Collectors.toSet());
    }

    @Override
    public Bucket bucket(String key, int perMinute) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    @Override
    public List<String> keys() {
        return List.copyOf(buckets.keySet());
    }

    @Override
    public void remove(String key) {
        buckets.remove(key);
    }
}

package dk.brobygger.access.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.github.bucket4j.Bucket;

/**
 * Where the buckets of {@link LoginAttempts} live: in PostgreSQL, shared by every node
 * ({@link SharedAttemptBuckets}), or in this node's memory on the embedded H2 database, which only ever has one node
 * ({@link LocalAttemptBuckets}). A key names a user name from a client address, or a client address.
 */
interface AttemptBuckets {

    /** Those of the keys that have a bucket. */
    Set<String> existing(Collection<String> keys);

    /** The key's bucket, made with {@code perMinute} attempts a minute if it has none yet. */
    Bucket bucket(String key, int perMinute);

    /** Every key that has a bucket. */
    List<String> keys();

    void remove(String key);
}

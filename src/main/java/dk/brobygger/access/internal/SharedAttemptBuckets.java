package dk.brobygger.access.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The attempt buckets in PostgreSQL ({@code access_login_limit}), shared by every node: Bucket4j's PostgreSQL proxy
 * manager reads and writes a bucket in one transaction holding its row ({@code SELECT ... FOR UPDATE}), so two
 * nodes counting the same wrong password at once both count. A bucket whose attempts have refilled expires and is
 * removed by {@link #removeExpired()}.
 */
class SharedAttemptBuckets implements AttemptBuckets {

    static final String TABLE = "access_login_limit";

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final JdbcClient jdbc;

    SharedAttemptBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Set<String> existing(Collection<String> keys) {
        return new HashSet<>(jdbc.sql("SELECT id FROM access_login_limit WHERE id IN (:keys) AND state IS NOT NULL")
                .param("keys", List.copyOf(keys)).query(String.class).list());
    }

    @Override
    public Bucket bucket(String key, int perMinute) {
        return buckets.getProxy(key, () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    @Override
    public List<String> keys() {
        return jdbc.sql("SELECT id FROM access_login_limit WHERE state IS NOT NULL ORDER BY id FETCH FIRST 10000 ROWS ONLY")
                .query(String.class).list();
    }

    @Override
    public void remove(String key) {
        buckets.removeProxy(key);
    }

    /** Buckets whose attempts have all come back are forgotten; any node may do it (rows in use are skipped). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeExpired() {
        while (buckets.removeExpired(1_000) == 1_000) {
            // more to remove
        }
    }
}

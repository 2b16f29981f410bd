package dk.brobygger.directory.search;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dk.brobygger.directory.OfferChanged;
import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Builds the search index from the database at start and keeps it current as offers change: at once for a change
 * made on this node (after its commit), and for a change made on any node as soon as PostgreSQL's notification of it
 * arrives ({@link ChangeLogNotifications}), or else within {@code brobygger.search.follow-every}, read from the
 * directory's change log ({@link SearchIndexFollower}). An index kept on disk
 * ({@code brobygger.search.index-dir}) is read on from where it was when the log still holds every change since;
 * otherwise it is rebuilt. The node reports ready ({@code /actuator/health/readiness}) only once its index has caught
 * up ({@link SearchIndexHealthIndicator}).
 */
@Component
@Order(-100)
public class SearchIndexUpdater implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexUpdater.class);

    private final OfferIndex index;
    private final OfferReadModel offers;
    private final SearchIndexFollower follower;
    private final Duration followEvery;
    private final Duration commitEvery;
    private @Nullable ScheduledExecutorService scheduler;
    /** A wake is queued and has not started reading yet: more wakes meanwhile are the same read. */
    private final AtomicBoolean woken = new AtomicBoolean();

    SearchIndexUpdater(OfferIndex index, OfferReadModel offers, SearchIndexFollower follower,
            @Value("${brobygger.search.follow-every:PT0.5S}") Duration followEvery,
            @Value("${brobygger.search.commit-every:PT30S}") Duration commitEvery) {
        this.index = index;
        this.offers = offers;
        this.follower = follower;
        this.followEvery = followEvery;
        this.commitEvery = commitEvery;
    }

    @Override
    public void run(ApplicationArguments args) {
        var committed = index.committedPosition();
        if (committed.isPresent() && follower.holdsEverythingAfter(committed.get())) {
            long start = System.nanoTime();
            follower.startAfter(committed.get());
            int changes = follower.catchUp();
            log.info("Search index on disk read on from change {}: {} changes in {} ms", committed.get(), changes,
                    (System.nanoTime() - start) / 1_000_000);
        } else {
            rebuild();
        }
        startFollowing();
    }

    /** Reads every offer from the database into a fresh index, then follows the change log from where it was. */
    public int rebuild() {
        long start = System.nanoTime();
        int count;
        // Not while the follower applies changes: a change put in the middle would be added twice.
        synchronized (follower) {
            long position = follower.newestPosition();
            count = index.rebuild(offers, position);
            follower.startAfter(position);
        }
        follower.catchUp();
        log.info("Search index built: {} offers in {} ms", count, (System.nanoTime() - start) / 1_000_000);
        return count;
    }

    private synchronized void startFollowing() {
        if (scheduler != null) {
            return;
        }
        var thread = Thread.ofPlatform().name("search-index-follower").daemon().factory();
        scheduler = Executors.newSingleThreadScheduledExecutor(thread);
        scheduler.scheduleWithFixedDelay(this::followQuietly, followEvery.toMillis(), followEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::commitQuietly, commitEvery.toMillis(), commitEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the change log now, on the follower's thread, instead of at the next poll: a change committed on some node
     * was announced ({@link ChangeLogNotifications}). Does nothing before the index is built.
     */
    synchronized void wake() {
        if (scheduler != null && woken.compareAndSet(false, true)) {
            scheduler.execute(() -> {
                woken.set(false);
                followQuietly();
            });
        }
    }

    private void followQuietly() {
        try {
            follower.follow();
        } catch (RuntimeException e) {
            // The database away for a moment: the next round reads on from the same position.
            log.warn("Search index could not read the change log: {}", e.toString());
        }
    }

    private void commitQuietly() {
        try {
            index.commit(follower.safePosition());
        } catch (RuntimeException e) {
            log.warn("Search index could not be saved to disk: {}", e.toString());
        }
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            scheduler = null;
            commitQuietly();
        }
    }

    /** Runs after the change is committed, so the index never shows what was rolled back. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(OfferChanged event) {
        offers.load(event.offerId()).ifPresentOrElse(index::put, () -> index.remove(event.offerId()));
    }
}

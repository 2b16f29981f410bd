package dk.brobygger.directory.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's search index in step with the directory's change log ({@code directory_change}), which
 * {@code DirectoryChanges} writes in the transaction of every change on any node. The log is read by position every
 * {@code brobygger.search.follow-every} (default 500 ms), so a change made on another node is searchable here within
 * a second, and nothing is lost when a node was busy, restarting or cut off for a while: it reads on from where it
 * was.
 *
 * <p>Positions are handed out when a row is written, not when its transaction commits, so position 41 can become
 * visible after 42. A position skipped over is therefore a <em>gap</em>, asked for again on every read for
 * {@code brobygger.search.gap-wait} (default 5 minutes, longer than any directory transaction): a gap that fills
 * is applied then; one that never fills was rolled back.
 */
@Component
class SearchIndexFollower {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexFollower.class);
    private static final int BATCH = 1_000;
    /** A bound on memory: more gaps than this are one bulk of rolled-back work, not transactions in flight. */
    private static final int MAX_GAPS = 10_000;

    private final JdbcClient jdbc;
    private final OfferIndex index;
    private final OfferReadModel offers;
    private final Clock clock;
    private final Duration gapWait;

    /** Every position up to here has been read, except the gaps. */
    private long position = -1;
    /** Positions below {@link #position} not seen yet, with the time after which they count as rolled back. */
    private final TreeMap<Long, Instant> gaps = new TreeMap<>();
    private volatile Instant caughtUpAt = Instant.EPOCH;
    private volatile boolean started;

    SearchIndexFollower(JdbcClient jdbc, OfferIndex index, OfferReadModel offers, Clock clock,
            @Value("${brobygger.search.gap-wait:PT5M}") Duration gapWait) {
        this.jdbc = jdbc;
        this.index = index;
        this.offers = offers;
        this.clock = clock;
        this.gapWait = gapWait;
    }

    /** The newest position in the log (0 when it is empty): read before a full rebuild, then followed from. */
    long newestPosition() {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM directory_change").query(Long.class).single();
    }

    /**
     * Whether the log still holds every change after {@code applied}: only then can an index that holds everything
     * up to there catch up by reading on, instead of being rebuilt.
     */
    boolean holdsEverythingAfter(long applied) {
        if (applied < 0 || newestPosition() < applied) {
            return false; // not the database the index was built from (restored, or made anew)
        }
        Long oldest = jdbc.sql("SELECT MIN(position) FROM directory_change").query(Long.class).optional().orElse(null);
        return oldest == null || oldest <= applied + 1;
    }

    /**
     * Starts following after {@code applied}. Positions just below it that are not in the log yet may belong to
     * transactions still open: they are waited for like any gap.
     */
    synchronized void startAfter(long applied) {
        position = applied;
        gaps.clear();
        Instant until = clock.instant().plus(gapWait);
        long from = Math.max(1, applied - BATCH);
        Set<Long> present = new java.util.HashSet<>(jdbc.sql(
                "SELECT position FROM directory_change WHERE position >= :from AND position <= :to")
                .param("from", from).param("to", applied).query(Long.class).list());
        for (long p = from; p <= applied; p++) {
            if (!present.contains(p)) {
                gaps.put(p, until);
            }
        }
        started = true;
    }

    /** Reads until nothing new is left; the number of offers brought up to date. */
    int catchUp() {
        int total = 0;
        int applied;
        do {
            applied = follow();
            total += applied;
        } while (applied == BATCH);
        return total;
    }

    /**
     * Reads what is new in the log (and the gaps), and brings each changed offer up to date in the index from the
     * database. Returns how many changes were read. Applying a change twice does no harm: the offer is read as it is.
     */
    synchronized int follow() {
        if (!started) {
            return 0;
        }
        Instant now = clock.instant();
        List<Change> changes = new ArrayList<>(jdbc.sql("""
                SELECT position, offer_id FROM directory_change WHERE position > :after
                 ORDER BY position FETCH FIRST %d ROWS ONLY""".formatted(BATCH))
                .param("after", position).query(SearchIndexFollower::change).list());
        gaps.values().removeIf(until -> until.isBefore(now));
        if (!gaps.isEmpty()) {
            changes.addAll(jdbc.sql("SELECT position, offer_id FROM directory_change WHERE position IN (:gaps)")
                    .param("gaps", List.copyOf(gaps.keySet())).query(SearchIndexFollower::change).list());
        }
        Set<UUID> changed = new LinkedHashSet<>();
        Instant until = now.plus(gapWait);
        for (Change change : changes) {
            changed.add(change.offerId());
            if (gaps.remove(change.position()) == null && change.position() > position) {
                for (long p = position + 1; p < change.position() && gaps.size() < MAX_GAPS; p++) {
                    gaps.put(p, until);
                }
                position = change.position();
            }
        }
        Map<UUID, IndexedOffer> current = new HashMap<>();
        offers.loadAll(changed).forEach(offer -> current.put(offer.id(), offer));
        for (UUID offer : changed) {
            IndexedOffer fresh = current.get(offer);
            if (fresh != null) {
                index.put(fresh);
            } else {
                index.remove(offer);
            }
        }
        if (changes.size() < BATCH) {
            caughtUpAt = now;
        }
        if (!changed.isEmpty()) {
            log.debug("Search index followed {} changes to position {} ({} gaps)", changes.size(), position, gaps.size());
        }
        return changes.size();
    }

    /** Everything up to this position is in the index: where an index kept on disk reads on from after a restart. */
    synchronized long safePosition() {
        return gaps.isEmpty() ? position : Math.min(position, gaps.firstKey() - 1);
    }

    /** When this node last had read everything in the log; {@link Instant#EPOCH} before the first time. */
    Instant caughtUpAt() {
        return caughtUpAt;
    }

    boolean started() {
        return started;
    }

    /** What the health endpoint shows. */
    synchronized Map<String, Object> details() {
        return Map.of("position", position, "gaps", gaps.size(), "caughtUpAt", caughtUpAt.toString());
    }

    /** Keeps rows younger than {@code retention}, and always the newest row (so a restarted node can tell). */
    int removeOlderThan(Duration retention) {
        return jdbc.sql("""
                DELETE FROM directory_change
                 WHERE changed_at < :cutoff AND position < (SELECT MAX(position) FROM directory_change)""")
                .param("cutoff", java.sql.Timestamp.from(clock.instant().minus(retention)))
                .update();
    }

    private static Change change(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Change(rs.getLong("position"), rs.getObject("offer_id", UUID.class));
    }

    private record Change(long position, UUID offerId) {
    }

    Optional<Long> position() {
        return started ? Optional.of(position) : Optional.empty();
    }
}

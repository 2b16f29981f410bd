package dk.brobygger.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logning: writes audit records and reads them back. Records are only ever appended; apart from
 * {@link AuditRetention}, which removes the oldest records once the law no longer requires them, the
 * application has no statement that updates or deletes one.
 *
 * <p>The log is {@code brobygger.audit.stripes} hash chains ("stripes", table {@code audit_stripe}), so that
 * appends need not wait for each other: an append locks the first stripe that no other transaction holds
 * ({@code FOR UPDATE SKIP LOCKED}), links its records to that stripe's last record and moves the stripe's
 * head. Only when every stripe is busy does it wait, for a random one. Within a stripe, positions run
 * 1, 2, 3, ... without gaps; across stripes the id (a sequence) orders records in time.
 *
 * <p>Recording is write-ahead, with group commit ({@link AuditWriter}): the caller waits until its record is
 * committed, in a transaction of the audit log's own that it may share with other callers' records, and only
 * then goes on to the access it describes. If the record cannot be written the call throws, the caller's
 * transaction rolls back and the request fails, so there is no unaudited access. The record does not roll
 * back with the caller: a change that fails afterwards (a conflict, say) stays in the log as what was
 * attempted, and a refused attempt needs no transaction of its own to be kept. Callers may record from a
 * read-only transaction or from none; the caller holds no lock on the log while it works.
 */
@Service
public class AuditLog implements DisposableBean {

    static final int VERIFY_BATCH = 10_000;

    /** Positions per unit of verification work; units are checked in parallel and stitched together. */
    static final int VERIFY_CHUNK = 50_000;

    private static final String COLUMNS = """
            id, recorded_at, username, user_role, team, citizen_id, action, purpose, client_address, outcome,
            previous_hash, hash""";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final dk.brobygger.access.Teams teams;
    private final Users users;
    private final AuditWriter writer;
    private final int verifyThreads;

    AuditLog(DataSource dataSource, Clock clock, Users users, dk.brobygger.access.Teams teams,
            @Value("${brobygger.audit.stripes:32}") int stripes,
            @Value("${brobygger.audit.verify-threads:0}") int verifyThreads,
            @Value("${brobygger.audit.writers:1}") int writers,
            @Value("${brobygger.audit.max-batch:500}") int maxBatch,
            @Value("${brobygger.audit.write-timeout:PT30S}") Duration writeTimeout) {
        this.jdbc = JdbcClient.create(dataSource);
        var fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(VERIFY_BATCH);
        this.streaming = JdbcClient.create(fetching);
        this.users = users;
        this.teams = teams;
        this.verifyThreads = verifyThreads > 0 ? verifyThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
        this.writer = new AuditWriter(dataSource, clock, stripes, writers, maxBatch, writeTimeout);
    }

    /**
     * Appends one entry to the log and returns once it is committed. If it cannot be written, this throws,
     * and the caller's transaction (if any) rolls back.
     */
    public AuditRecord record(AuditEntry entry) {
        return writer.append(List.of(entry)).getFirst();
    }

    /** Appends several entries at once, in order, to one stripe, and returns once they are committed. */
    public List<AuditRecord> recordAll(List<AuditEntry> entries) {
        return writer.append(entries);
    }

    @Override
    public void destroy() {
        writer.close();
    }

    /**
     * Walks every stripe from its anchor to its head, recomputing every hash, and says whether the log
     * is intact, how many records it holds and the lowest id where it breaks. The stripes are cut into
     * ranges of {@value #VERIFY_CHUNK} positions that are checked in parallel, each by a forward-only
     * stream in constant memory, then stitched: a range's first record must link to the previous range's
     * last. Records appended while it runs are not part of the walk.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ChainVerification verify() {
        var heads = jdbc.sql("""
                        SELECT stripe, last_position, last_id, last_hash, anchor_position, anchor_id, anchor_hash
                        FROM audit_stripe ORDER BY stripe""")
                .query((rs, row) -> new StripeState(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getString(7)))
                .list();
        var work = new ArrayList<List<Future<ChainSegment>>>();
        try (var pool = Executors.newFixedThreadPool(verifyThreads, Thread.ofPlatform().name("audit-verify-", 1).factory())) {
            for (var head : heads) {
                var segments = new ArrayList<Future<ChainSegment>>();
                for (long from = head.anchorPosition() + 1; from <= head.lastPosition(); from += VERIFY_CHUNK) {
                    long start = from;
                    long end = Math.min(from + VERIFY_CHUNK - 1, head.lastPosition());
                    segments.add(pool.submit(() -> walk(head.stripe(), start, end)));
                }
                work.add(segments);
            }
            long records = 0;
            Long firstBroken = null;
            for (int i = 0; i < heads.size(); i++) {
                var stripe = new StripeWalk(heads.get(i));
                for (var segment : work.get(i)) {
                    stripe.append(segment.get());
                }
                records += stripe.records;
                Long broken = stripe.end();
                if (broken != null && (firstBroken == null || broken < firstBroken)) {
                    firstBroken = broken;
                }
            }
            Long orphaned = firstWithoutHead(heads);
            if (orphaned != null) {
                records += jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE stripe NOT IN (:stripes)")
                        .param("stripes", heads.stream().map(StripeState::stripe).toList()).query(Long.class).single();
                firstBroken = firstBroken == null ? orphaned : Math.min(firstBroken, orphaned);
            }
            return new ChainVerification(firstBroken == null, records, firstBroken);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Verification of the audit log was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Verification of the audit log failed", e.getCause());
        }
    }

    /**
     * Checks one stripe from its anchor up to and including {@code end}, whose id and stored hash are given,
     * in this thread; for {@link AuditRetention}, which must not remove (and so hide) a broken part.
     *
     * @return the first broken id, or null if that part of the stripe is intact
     */
    @Nullable Long firstBroken(int stripe, long anchorPosition, long anchorId, String anchorHash, long end, long endId,
            String endHash) {
        var walk = new StripeWalk(new StripeState(stripe, end, endId, endHash, anchorPosition, anchorId, anchorHash));
        for (long from = anchorPosition + 1; from <= end; from += VERIFY_CHUNK) {
            walk.append(walk(stripe, from, Math.min(from + VERIFY_CHUNK - 1, end)));
        }
        return walk.end();
    }

    /**
     * Records in a stripe that has no head (its row in {@code audit_stripe} was deleted) would not be walked;
     * returns the lowest id of such records, or null. Uses the (stripe, position) index only.
     */
    private @Nullable Long firstWithoutHead(List<StripeState> heads) {
        var known = new java.util.HashSet<Integer>();
        heads.forEach(head -> known.add(head.stripe()));
        Integer highest = jdbc.sql("SELECT MAX(stripe) FROM audit_record").query(Integer.class).optional().orElse(null);
        Long first = null;
        for (int stripe = 1; highest != null && stripe <= highest; stripe++) {
            if (!known.contains(stripe)) {
                Long id = jdbc.sql("SELECT MIN(id) FROM audit_record WHERE stripe = :stripe").param("stripe", stripe)
                        .query(Long.class).optional().orElse(null);
                if (id != null && (first == null || id < first)) {
                    first = id;
                }
            }
        }
        return first;
    }

    private ChainSegment walk(int stripe, long from, long to) {
        var segment = new ChainSegment();
        for (long start = from; start <= to; start += VERIFY_BATCH) {
            // Positions have no gaps, so each batch is a plain range of the (stripe, position) index.
            streaming.sql("SELECT " + COLUMNS + ", position FROM audit_record"
                            + " WHERE stripe = :stripe AND position BETWEEN :from AND :to ORDER BY position")
                    .param("stripe", stripe).param("from", start).param("to", Math.min(start + VERIFY_BATCH - 1, to))
                    .query(segment::next);
        }
        return segment;
    }

    /**
     * "Hvem har set mine data": every granted access to one citizen's record, newest first, ready to be
     * told in plain Danish. Refused attempts are left out, as nobody saw anything.
     */
    @Transactional(readOnly = true)
    public List<CitizenAccess> accessesTo(UUID citizenId) {
        var names = new HashMap<String, String>();
        // A team is told by its name ("Forebyggende hjemmebesøg"), never its code.
        var teamNames = new HashMap<String, String>();
        teams.all().forEach(team -> teamNames.put(team.code(), team.name()));
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_record WHERE citizen_id = :citizen AND outcome = :granted"
                        + " ORDER BY id DESC")
                .param("citizen", citizenId).param("granted", AuditOutcome.GRANTED.name())
                .query((rs, row) -> map(rs))
                .list().stream()
                .map(record -> CitizenAccess.of(record, names.computeIfAbsent(record.entry().username(),
                        username -> users.find(username).map(BrobyggerUser::displayName).orElse(username)),
                        record.entry().team() == null ? null
                                : teamNames.getOrDefault(record.entry().team(), record.entry().team())))
                .toList();
    }

    static AuditRecord map(ResultSet rs) throws SQLException {
        var entry = new AuditEntry(rs.getString("username"), Role.valueOf(rs.getString("user_role")),
                rs.getString("team"), rs.getObject("citizen_id", UUID.class),
                AuditAction.valueOf(rs.getString("action")), rs.getString("purpose"),
                rs.getString("client_address"), AuditOutcome.valueOf(rs.getString("outcome")));
        return new AuditRecord(rs.getLong("id"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                entry, rs.getString("previous_hash"), rs.getString("hash"));
    }

    static String columns() {
        return COLUMNS;
    }

    /** A stripe as verification sees it: where it starts (the anchor) and where it ends (the head). */
    private record StripeState(int stripe, long lastPosition, long lastId, String lastHash, long anchorPosition,
            long anchorId, String anchorHash) {
    }

    /**
     * One range of positions of one stripe, walked on its own. Hashes are recomputed from the raw columns,
     * not from mapped objects, so a value the application could not even read (an unknown role, say) still
     * shows as tampering. The link from the range's first record to the record before it is left to
     * {@link StripeWalk}.
     */
    private static final class ChainSegment {

        private final AuditHash hash = new AuditHash();
        long records;
        long firstPosition = -1;
        long firstId;
        String firstPrevious = "";
        long lastPosition;
        long lastId;
        String lastHash = "";
        /** The first break inside the range, or -1. */
        long broken = -1;

        void next(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            long position = rs.getLong(13);
            String previous = rs.getString(11);
            String stored = rs.getString(12);
            records++;
            if (firstPosition < 0) {
                firstPosition = position;
                firstId = id;
                firstPrevious = previous;
            } else if (broken < 0 && (position != lastPosition + 1)) {
                broken = lastId + 1;
            } else if (broken < 0 && !previous.equals(lastHash)) {
                broken = id;
            }
            if (broken < 0) {
                String computed = hash.hash(id, rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), previous);
                if (!computed.equals(stored)) {
                    broken = id;
                }
            }
            lastPosition = position;
            lastId = id;
            lastHash = stored;
        }
    }

    /** Stitches a stripe's ranges together in order, from the anchor to the head. */
    private static final class StripeWalk {

        private final StripeState state;
        long records;
        private long position;
        private long lastId;
        private String previous;
        private @Nullable Long broken;

        StripeWalk(StripeState state) {
            this.state = state;
            this.position = state.anchorPosition();
            this.lastId = state.anchorId();
            this.previous = state.anchorHash();
        }

        void append(ChainSegment segment) {
            records += segment.records;
            if (segment.records == 0) {
                return;
            }
            if (broken == null) {
                if (segment.firstPosition != position + 1) {
                    broken = lastId + 1;
                } else if (!segment.firstPrevious.equals(previous)) {
                    broken = segment.firstId;
                } else if (segment.broken >= 0) {
                    broken = segment.broken;
                }
            }
            position = segment.lastPosition;
            lastId = segment.lastId;
            previous = segment.lastHash;
        }

        /** The first broken id of this stripe, or null if it is intact up to its head. */
        @Nullable Long end() {
            if (broken == null && position != state.lastPosition()) {
                broken = lastId + 1;
            }
            if (broken == null && !previous.equals(state.lastHash())) {
                broken = state.lastId();
            }
            return broken;
        }
    }
}

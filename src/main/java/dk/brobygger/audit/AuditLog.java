package dk.brobygger.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logning: writes audit records and reads them back. Records are only ever appended; this class (and
 * the whole application) has no statement that updates or deletes one.
 *
 * <p>Recording joins the caller's transaction ({@link Propagation#MANDATORY}): the record commits together
 * with the access it describes, and if it cannot be written the exception rolls the caller's transaction
 * back and fails the request, so there is no unaudited access. MANDATORY rather than REQUIRED makes
 * forgetting the transaction a programming error instead of a silent second transaction that could commit
 * a change whose audit record then fails. Callers that only read personal data need a read-write
 * transaction too (PostgreSQL refuses inserts in a read-only one), and should record late in it: the chain
 * head stays locked until the transaction ends.
 */
@Service
public class AuditLog {

    static final int VERIFY_BATCH = 10_000;

    private static final String COLUMNS = """
            id, recorded_at, username, user_role, team, citizen_id, action, purpose, client_address, outcome,
            previous_hash, hash""";

    private final JdbcClient jdbc;
    private final JdbcTemplate insert;
    private final JdbcClient streaming;
    private final Clock clock;
    private final Users users;

    AuditLog(DataSource dataSource, Clock clock, Users users) {
        this.jdbc = JdbcClient.create(dataSource);
        this.insert = new JdbcTemplate(dataSource);
        var fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(VERIFY_BATCH);
        this.streaming = JdbcClient.create(fetching);
        this.clock = clock;
        this.users = users;
    }

    /** Appends one entry to the chain, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditRecord record(AuditEntry entry) {
        return recordAll(List.of(entry)).getFirst();
    }

    /** Appends several entries at once, in order: one lock and one batch insert for them all. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditRecord> recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        var head = jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .single();
        Instant now = AuditHash.stored(clock.instant());
        var hash = new AuditHash();
        var records = new ArrayList<AuditRecord>(entries.size());
        long id = head.lastId();
        String previous = head.lastHash();
        for (AuditEntry entry : entries) {
            id++;
            String current = hash.hash(id, now, entry, previous);
            records.add(new AuditRecord(id, now, entry, previous, current));
            previous = current;
        }
        insert.batchUpdate("INSERT INTO audit_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                records, records.size(), AuditLog::bind);
        int moved = jdbc.sql("UPDATE audit_chain_head SET last_id = :id, last_hash = :hash WHERE id = 1 AND last_id = :before")
                .param("id", id).param("hash", previous).param("before", head.lastId())
                .update();
        if (moved != 1) {
            throw new IllegalStateException("The audit chain head moved while it was locked");
        }
        return records;
    }

    /**
     * Walks the whole chain in id order, in batches and in constant memory, recomputing every hash.
     * Records appended while it runs are not part of the walk.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ChainVerification verify() {
        var head = jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .single();
        var walk = new ChainWalk();
        // Ids have no gaps, so each batch is a plain id range: an index range scan whatever the
        // planner's statistics say, and no sort or LIMIT over the rest of the table.
        for (long from = 1; from <= head.lastId(); from += VERIFY_BATCH) {
            streaming.sql("SELECT " + COLUMNS + " FROM audit_record WHERE id BETWEEN :from AND :to ORDER BY id")
                    .param("from", from).param("to", Math.min(from + VERIFY_BATCH - 1, head.lastId()))
                    .query(walk::next);
        }
        return walk.end(head);
    }

    /**
     * "Hvem har set mine data": every granted access to one citizen's record, newest first, ready to be
     * told in plain Danish. Refused attempts are left out, as nobody saw anything.
     */
    @Transactional(readOnly = true)
    public List<CitizenAccess> accessesTo(UUID citizenId) {
        var names = new HashMap<String, String>();
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_record WHERE citizen_id = :citizen AND outcome = :granted"
                        + " ORDER BY id DESC")
                .param("citizen", citizenId).param("granted", AuditOutcome.GRANTED.name())
                .query((rs, row) -> map(rs))
                .list().stream()
                .map(record -> CitizenAccess.of(record, names.computeIfAbsent(record.entry().username(),
                        username -> users.find(username).map(BrobyggerUser::displayName).orElse(username))))
                .toList();
    }

    private static void bind(PreparedStatement statement, AuditRecord record) throws SQLException {
        var entry = record.entry();
        statement.setLong(1, record.id());
        statement.setObject(2, OffsetDateTime.ofInstant(record.recordedAt(), ZoneOffset.UTC));
        statement.setString(3, entry.username());
        statement.setString(4, entry.role().name());
        statement.setString(5, entry.team());
        statement.setObject(6, entry.citizenId());
        statement.setString(7, entry.action().name());
        statement.setString(8, entry.purpose());
        statement.setString(9, entry.clientAddress());
        statement.setString(10, entry.outcome().name());
        statement.setString(11, record.previousHash());
        statement.setString(12, record.hash());
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

    /** The end of the chain as the single-row table {@code audit_chain_head} keeps it. */
    private record ChainHead(long lastId, String lastHash) {
    }

    /**
     * One pass over the chain. Hashes are recomputed from the raw columns, not from mapped objects, so
     * a value the application could not even read (an unknown role, say) still shows as tampering.
     */
    private static final class ChainWalk {

        private final AuditHash hash = new AuditHash();
        private long lastSeen;
        private long records;
        private String previous = AuditHash.GENESIS;
        private @Nullable Long firstBroken;

        void next(ResultSet rs) throws SQLException {
            long id = rs.getLong("id");
            records++;
            if (firstBroken == null) {
                if (id != lastSeen + 1) {
                    firstBroken = lastSeen + 1;
                } else {
                    String stored = rs.getString("hash");
                    String computed = hash.hash(id, rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("username"), rs.getString("user_role"), rs.getString("team"),
                            rs.getObject("citizen_id", UUID.class), rs.getString("action"), rs.getString("purpose"),
                            rs.getString("client_address"), rs.getString("outcome"), previous);
                    if (!previous.equals(rs.getString("previous_hash")) || !computed.equals(stored)) {
                        firstBroken = id;
                    }
                    previous = stored;
                }
            }
            lastSeen = id;
        }

        ChainVerification end(ChainHead head) {
            if (firstBroken == null && lastSeen != head.lastId()) {
                firstBroken = lastSeen + 1;
            }
            if (firstBroken == null && !previous.equals(head.lastHash())) {
                firstBroken = head.lastId();
            }
            return new ChainVerification(firstBroken == null, records, firstBroken);
        }
    }
}

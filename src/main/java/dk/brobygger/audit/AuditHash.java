package dk.brobygger.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The hash that chains audit records. Not thread-safe: one instance per append or verification.
 *
 * <p>Format, version 1. {@code hash = lower-case hex of SHA-256(bytes)}, where {@code bytes} is the
 * concatenation of these fields, in this order, each written as a 4-byte big-endian length followed by
 * that many bytes of UTF-8, and a null field as the length {@code -1} ({@code FF FF FF FF}) with no bytes:
 * <ol>
 * <li>the literal {@code brobygger-audit-v1}</li>
 * <li>id, decimal</li>
 * <li>recorded_at as microseconds since 1970-01-01T00:00Z, decimal (times are stored to the microsecond)</li>
 * <li>username</li>
 * <li>role name, e.g. {@code STAFF}</li>
 * <li>team, or null</li>
 * <li>citizen id as the lower-case 36-character UUID, or null</li>
 * <li>action name, e.g. {@code READ}</li>
 * <li>purpose</li>
 * <li>client address, or null</li>
 * <li>outcome name, e.g. {@code GRANTED}</li>
 * <li>the previous record's hash (64 hex digits; 64 zeros before the first record)</li>
 * </ol>
 * Length prefixes make the serialisation unambiguous: no choice of field values can make two different
 * records serialise to the same bytes.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private static final byte[] VERSION = "brobygger-audit-v1".getBytes(StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final byte[] length = new byte[4];

    AuditHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Times are kept to the microsecond, which both H2 and PostgreSQL store exactly. */
    static Instant stored(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    String hash(long id, Instant recordedAt, String username, String role, @Nullable String team,
            @Nullable UUID citizenId, String action, String purpose, @Nullable String clientAddress,
            String outcome, String previousHash) {
        sha256.reset();
        field(VERSION);
        field(Long.toString(id));
        field(Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt)));
        field(username);
        field(role);
        field(team);
        field(citizenId == null ? null : citizenId.toString());
        field(action);
        field(purpose);
        field(clientAddress);
        field(outcome);
        field(previousHash);
        return HEX.formatHex(sha256.digest());
    }

    String hash(long id, Instant recordedAt, AuditEntry entry, String previousHash) {
        return hash(id, recordedAt, entry.username(), entry.role().name(), entry.team(), entry.citizenId(),
                entry.action().name(), entry.purpose(), entry.clientAddress(), entry.outcome().name(), previousHash);
    }

    private void field(@Nullable String value) {
        if (value == null) {
            Arrays.fill(length, (byte) 0xFF);
            sha256.update(length);
        } else {
            field(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void field(byte[] bytes) {
        int n = bytes.length;
        length[0] = (byte) (n >>> 24);
        length[1] = (byte) (n >>> 16);
        length[2] = (byte) (n >>> 8);
        length[3] = (byte) n;
        sha256.update(length);
        sha256.update(bytes);
    }
}

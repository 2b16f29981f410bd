package dk.brobygger.audit;

import java.time.Instant;

/**
 * An entry as written to the log: its place in the chain, when, and the hashes that link it.
 *
 * @param id the position in the chain, 1 for the first record, without gaps
 */
public record AuditRecord(long id, Instant recordedAt, AuditEntry entry, String previousHash, String hash) {
}

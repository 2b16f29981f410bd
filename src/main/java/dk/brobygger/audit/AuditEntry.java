package dk.brobygger.audit;

import java.util.Objects;
import java.util.UUID;

import dk.brobygger.access.Role;

import org.jspecify.annotations.Nullable;

/**
 * One thing to write to the audit log: who, in which role and team, did what to which citizen, why,
 * from where, and whether it was allowed.
 *
 * @param citizenId null for actions that concern no single citizen, such as a search or an export
 * @param clientAddress null for work the system does on its own (scheduled jobs)
 */
public record AuditEntry(
        String username,
        Role role,
        @Nullable String team,
        @Nullable UUID citizenId,
        AuditAction action,
        String purpose,
        @Nullable String clientAddress,
        AuditOutcome outcome) {

    public AuditEntry {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(outcome, "outcome");
        if (username.isBlank()) {
            throw new IllegalArgumentException("An audit entry names the user");
        }
    }

    /** A granted action. */
    public static AuditEntry granted(String username, Role role, @Nullable String team, @Nullable UUID citizenId,
            AuditAction action, String purpose, @Nullable String clientAddress) {
        return new AuditEntry(username, role, team, citizenId, action, purpose, clientAddress, AuditOutcome.GRANTED);
    }

    /** The same attempt, refused. */
    public AuditEntry refused() {
        return new AuditEntry(username, role, team, citizenId, action, purpose, clientAddress, AuditOutcome.REFUSED);
    }
}

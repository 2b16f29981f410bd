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
 *
 * <p>Text copied from a request (a reason, a search, an address) is cut to what its column holds, with
 * {@link #CUT} at the end, so that an entry always fits: a request must not fail because its audit record is
 * too long, and the hash chain covers exactly what is stored. The full text, where it matters (the reason for
 * breaking the glass), is kept whole where it belongs.
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

    /** The longest purpose, user name, team and client address the audit table holds (V40). */
    static final int MAX_PURPOSE = 1000;
    static final int MAX_NAME = 100;
    static final int MAX_CLIENT_ADDRESS = 100;

    /** Ends a text that was cut to fit. */
    static final String CUT = "…";

    public AuditEntry {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(outcome, "outcome");
        if (username.isBlank()) {
            throw new IllegalArgumentException("An audit entry names the user");
        }
        username = fitted(username, MAX_NAME);
        team = team == null ? null : fitted(team, MAX_NAME);
        purpose = fitted(purpose, MAX_PURPOSE);
        clientAddress = clientAddress == null ? null : fitted(clientAddress, MAX_CLIENT_ADDRESS);
    }

    /**
     * The text as is when it fits in {@code max} characters, else cut (never inside a surrogate pair) and marked.
     * NUL, which PostgreSQL cannot keep in text, becomes U+FFFD.
     */
    static String fitted(String text, int max) {
        if (text.indexOf('\0') >= 0) {
            text = text.replace('\0', '\uFFFD');
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max - CUT.length();
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT;
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

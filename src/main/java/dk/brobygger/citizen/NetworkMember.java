package dk.brobygger.citizen;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Someone in the citizen's network. {@code role} is their place in the citizen's life in plain
 * words ("datter", "nabo", "egen læge", "F-ACT-team"); {@code closeness} 1 is closest.
 */
public record NetworkMember(UUID id, CitizenId citizen, Kind kind, String name, String role, int closeness,
        @Nullable String phone, @Nullable String email, String addedBy, Instant addedAt) {

    /** Private network or professionals. */
    public enum Kind {
        PRIVATE, PROFESSIONAL
    }
}

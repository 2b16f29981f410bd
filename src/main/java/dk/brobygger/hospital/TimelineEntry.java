package dk.brobygger.hospital;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event in a citizen's hospital timeline (sygehusforløb), kept as history when revised or cancelled.
 *
 * @param episode    the hospital's episode-of-care identifier, if it gave one
 * @param revises    the event this one corrects, if it is a correction
 * @param endedAt    when it was revised or cancelled
 * @param recordedAt when Brobygger received it
 * @param afterDeath it happened after the citizen's death the hospital told (MORS): history, never the status now
 * @param warnings   the consistency checks its message did not meet (Danish, one per line), if any
 */
public record TimelineEntry(UUID eventId, HospitalEventCode code, Instant occurredAt, @Nullable String episode,
        HospitalStatus status, @Nullable UUID revises, @Nullable Instant endedAt, Instant recordedAt,
        boolean afterDeath, @Nullable String warnings) {

    public boolean isActive() {
        return status == HospitalStatus.ACTIVE;
    }
}

package dk.brobygger.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;

/**
 * Livsbegivenhed: something that happened to the citizen, when, and who told us.
 *
 * @param source     who or what told us, e.g. "CPR-registret", "datteren", "egen læge"
 * @param arrivedVia how it reached Brobygger
 */
record LifeEvent(UUID id, CitizenId citizen, RiskReason type, LocalDate occurredOn, String source,
        ArrivedVia arrivedVia, @Nullable UUID hospitalEventId, String recordedBy, Instant recordedAt,
        @Nullable Instant withdrawnAt) {

    /** How an event reached Brobygger. */
    public enum ArrivedVia {
        STAFF, API, IMPORT, HOSPITAL
    }
}

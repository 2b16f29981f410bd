package dk.brobygger.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;

/**
 * Opsporingsemne: a citizen on the outreach list and why: the reason, the rule (as it was when the
 * item was made), the event and its date; then how it ended.
 *
 * @param reasonDate the event's date, or the day a standing factor was found
 */
public record OutreachItem(UUID id, CitizenId citizen, String name, @Nullable String address,
        @Nullable String district, int age, RiskReason reason, Rule rule, @Nullable Event event,
        LocalDate reasonDate, Status status, @Nullable Outcome outcome, @Nullable LocalDate outcomeOn,
        Instant createdAt) {

    /** Where the item stands. */
    public enum Status {
        OPEN, CLOSED,
        /** The event that caused it was cancelled (e.g. a cancelled hospital notification). */
        WITHDRAWN
    }

    /** The rule version the item was made under. */
    public record Rule(long id, @Nullable Integer minAge, @Nullable Integer maxAge, boolean livingAlone,
            int withinDays) {
    }

    /** The life event behind the item. */
    public record Event(UUID id, RiskReason type, LocalDate occurredOn, String source, LifeEvent.ArrivedVia arrivedVia) {
    }
}

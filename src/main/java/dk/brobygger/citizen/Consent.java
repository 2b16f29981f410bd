package dk.brobygger.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Samtykke: the citizen allows sharing with a party for a scope, from a day, until a day or until
 * withdrawn. {@code partyName} names which association (or which relative) when it matters.
 */
public record Consent(UUID id, CitizenId citizen, ConsentParty party, @Nullable String partyName, String scope,
        LocalDate givenOn, @Nullable LocalDate validUntil, String recordedBy, Instant recordedAt,
        @Nullable Instant withdrawnAt, @Nullable String withdrawnBy) {

    /** In force on the given day: given, not expired and not withdrawn. */
    boolean isInForceOn(LocalDate day) {
        return withdrawnAt == null && !givenOn.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
    }

    /** Does this consent cover sharing with the party (and, if named, with that one)? */
    boolean covers(ConsentParty wanted, @Nullable String wantedName) {
        return party == wanted && (wantedName == null || partyName == null || partyName.equalsIgnoreCase(wantedName));
    }
}

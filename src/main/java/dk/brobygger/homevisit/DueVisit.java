package dk.brobygger.homevisit;

import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;

/**
 * A citizen due a §79a visit in a year: the age reached that year, the rule that applies, the district,
 * and where the year's offer stands.
 *
 * @param age the age the citizen reaches during the year (the age rules are about the year one turns)
 */
record DueVisit(CitizenId citizen, String name, @Nullable String address, LocalDate birthDate, int age,
        String rule, @Nullable String district, OfferStatus offerStatus, @Nullable UUID offerId,
        @Nullable LocalDate offeredOn, @Nullable LocalDate heldOn, @Nullable String heldBy) {
}

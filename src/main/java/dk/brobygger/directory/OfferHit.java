package dk.brobygger.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One offer in a search result, with what a result list shows. */
public record OfferHit(
        UUID id,
        String name,
        String organizationName,
        String summary,
        String district,
        String address,
        String postalCode,
        String city,
        SupportLevel supportLevel,
        OfferStatus status,
        boolean freeOfCharge,
        boolean wheelchairAccess,
        boolean transportOffered,
        boolean accompaniment,
        List<WeeklySchedule> schedules,
        LocalDate assuredDate,
        @Nullable Double distanceKm) {
}

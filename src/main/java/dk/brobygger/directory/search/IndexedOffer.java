package dk.brobygger.directory.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.TimeOfDay;
import dk.brobygger.directory.WeeklySchedule;

/** An offer flattened the way the search index needs it: one row per offer, everything joined. */
record IndexedOffer(
        UUID id,
        String name,
        String description,
        UUID organizationId,
        String organizationName,
        OfferStatus status,
        SupportLevel supportLevel,
        boolean accompaniment,
        boolean freeOfCharge,
        boolean transportOffered,
        boolean wheelchairAccess,
        String district,
        String address,
        String postalCode,
        String city,
        double latitude,
        double longitude,
        LocalDate assuredDate,
        List<String> categoryCodes,
        List<String> targetGroupCodes,
        List<String> termNames,
        List<WeeklySchedule> schedules) {

    Set<DayOfWeek> weekdays() {
        return schedules.stream().map(WeeklySchedule::weekday).collect(Collectors.toSet());
    }

    Set<TimeOfDay> timesOfDay() {
        return schedules.stream().map(WeeklySchedule::timeOfDay).collect(Collectors.toSet());
    }
}

package dk.brobygger.directory.offer;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.WeeklySchedule;
import dk.brobygger.directory.SupportLevel;

import org.jspecify.annotations.Nullable;

/**
 * Everything an editor can change about an offer. It is what an edit form produces, what an
 * association's proposal carries through moderation and what an import row becomes.
 */
public record OfferDetails(
        String name,
        String description,
        UUID locationId,
        OfferStatus status,
        SupportLevel supportLevel,
        boolean accompaniment,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        boolean freeOfCharge,
        @Nullable String costDescription,
        boolean transportOffered,
        @Nullable String transportNote,
        List<String> languages,
        @Nullable Integer placesLeft,
        boolean waitlist,
        @Nullable String contactName,
        @Nullable String contactEmail,
        @Nullable String contactPhone,
        @Nullable String url,
        Set<UUID> termIds,
        List<WeeklySchedule> schedules) {

    public OfferDetails {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        if (minAge != null && maxAge != null && maxAge < minAge) {
            throw new IllegalArgumentException("maxAge below minAge");
        }
        languages = List.copyOf(languages);
        termIds = Set.copyOf(termIds);
        schedules = List.copyOf(schedules);
    }

    /** One changed field, for the offer's history and the moderator's comparison. */
    public record Difference(String field, @Nullable Object before, @Nullable Object after) {
    }

    /** The fields that differ between this (before) and {@code after}, in declaration order. */
    public List<Difference> differencesTo(OfferDetails after) {
        List<Difference> differences = new ArrayList<>();
        for (RecordComponent component : OfferDetails.class.getRecordComponents()) {
            try {
                Object a = component.getAccessor().invoke(this);
                Object b = component.getAccessor().invoke(after);
                if (!Objects.equals(a, b)) {
                    differences.add(new Difference(component.getName(), a, b));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return differences;
    }
}

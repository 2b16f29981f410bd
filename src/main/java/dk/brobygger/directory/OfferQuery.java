package dk.brobygger.directory;

import java.time.DayOfWeek;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A search in the community directory. Every part is optional; an empty query lists all public offers.
 *
 * @param text free text in Danish (any input is safe: it is never parsed as query syntax)
 * @param categories category codes, any of which must match
 * @param targetGroups target group codes, any of which must match
 * @param districts district codes, e.g. {@code ØST}
 * @param origin an address or postcode to measure distance from
 * @param maxDistanceKm only offers within this distance of the origin
 * @param excludedCategories category codes none of which may match, e.g. {@link OfferSearch#CRISIS_CATEGORY}
 *        where a suggestion should not send the citizen to a crisis line
 */
public record OfferQuery(
        @Nullable String text,
        Set<String> categories,
        Set<String> targetGroups,
        Set<String> districts,
        Set<DayOfWeek> weekdays,
        Set<TimeOfDay> timesOfDay,
        Set<SupportLevel> supportLevels,
        boolean freeOnly,
        boolean wheelchairOnly,
        boolean transportOnly,
        @Nullable String origin,
        @Nullable Double maxDistanceKm,
        Sort sort,
        int page,
        int pageSize,
        Set<String> excludedCategories) {

    /** How results are ordered. Distance needs an origin. */
    public enum Sort {
        RELEVANCE, DISTANCE, NAME, RECENTLY_CONFIRMED
    }

    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_PAGE_SIZE = 100;

    public OfferQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            text = text.substring(0, MAX_TEXT_LENGTH);
        }
        origin = origin == null || origin.isBlank() ? null : origin.strip();
        categories = Set.copyOf(categories);
        targetGroups = Set.copyOf(targetGroups);
        districts = Set.copyOf(districts);
        weekdays = Set.copyOf(weekdays);
        timesOfDay = Set.copyOf(timesOfDay);
        supportLevels = Set.copyOf(supportLevels);
        excludedCategories = excludedCategories == null ? Set.of() : Set.copyOf(excludedCategories);
        sort = sort == null ? Sort.RELEVANCE : sort;
        page = Math.max(1, Math.min(page, 10_000));
        pageSize = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        if (maxDistanceKm != null && (maxDistanceKm.isNaN() || maxDistanceKm <= 0)) {
            maxDistanceKm = null;
        }
    }

    /** A search that excludes no category (what the portal and the APIs ask). */
    public OfferQuery(@Nullable String text, Set<String> categories, Set<String> targetGroups, Set<String> districts,
            Set<DayOfWeek> weekdays, Set<TimeOfDay> timesOfDay, Set<SupportLevel> supportLevels, boolean freeOnly,
            boolean wheelchairOnly, boolean transportOnly, @Nullable String origin, @Nullable Double maxDistanceKm,
            Sort sort, int page, int pageSize) {
        this(text, categories, targetGroups, districts, weekdays, timesOfDay, supportLevels, freeOnly, wheelchairOnly,
                transportOnly, origin, maxDistanceKm, sort, page, pageSize, Set.of());
    }

    /** The same search without offers in any of these categories. */
    public OfferQuery withoutCategories(Set<String> codes) {
        return new OfferQuery(text, categories, targetGroups, districts, weekdays, timesOfDay, supportLevels,
                freeOnly, wheelchairOnly, transportOnly, origin, maxDistanceKm, sort, page, pageSize, codes);
    }

    /** Everything, first page. */
    public static OfferQuery all(int pageSize) {
        return new OfferQuery(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false, false,
                null, null, Sort.RELEVANCE, 1, pageSize);
    }

    public static OfferQuery text(String text) {
        return all(20).withText(text);
    }

    OfferQuery withText(@Nullable String newText) {
        return new OfferQuery(newText, categories, targetGroups, districts, weekdays, timesOfDay, supportLevels,
                freeOnly, wheelchairOnly, transportOnly, origin, maxDistanceKm, sort, page, pageSize,
                excludedCategories);
    }

    /** Has the user narrowed the search with any filter? Used to suggest widening an empty result. */
    public boolean hasFilters() {
        return !categories.isEmpty() || !targetGroups.isEmpty() || !districts.isEmpty() || !weekdays.isEmpty()
                || !timesOfDay.isEmpty() || !supportLevels.isEmpty() || freeOnly || wheelchairOnly || transportOnly
                || maxDistanceKm != null;
    }
}

package dk.brobygger.directory;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A page of offers with the facet counts for every filter (how many offers each choice would
 * give, counted as if that filter alone were not set).
 *
 * @param origin the place distance is measured from, if the query named one that was found
 * @param originNotFound the query named a place, but no address or postcode matched it
 */
public record SearchResult(
        List<OfferHit> hits,
        long total,
        int page,
        int pageSize,
        Map<String, Map<String, Integer>> facets,
        @Nullable Place origin,
        boolean originNotFound) {

    /** A named point on the map. */
    public record Place(String label, double latitude, double longitude) {
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean isEmpty() {
        return hits.isEmpty();
    }

    /** The count for one value of one facet, 0 if none. */
    public int count(String dimension, String value) {
        return facets.getOrDefault(dimension, Map.of()).getOrDefault(value, 0);
    }
}

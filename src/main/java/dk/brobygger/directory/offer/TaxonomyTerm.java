package dk.brobygger.directory.offer;

import java.util.UUID;

/**
 * A category ("kategori") or target group ("maalgruppe") offers are tagged with (HSDS taxonomy term).
 *
 * @param code stable, URL-friendly name used in search filters, e.g. {@code faellesspisning}
 */
public record TaxonomyTerm(UUID id, String taxonomy, String code, String name, String description) {

    public static final String CATEGORY = "kategori";
    public static final String TARGET_GROUP = "maalgruppe";

    boolean isCategory() {
        return CATEGORY.equals(taxonomy);
    }
}

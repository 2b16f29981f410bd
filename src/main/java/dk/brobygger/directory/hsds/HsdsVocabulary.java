package dk.brobygger.directory.hsds;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.offer.TaxonomyTerm;

import org.jspecify.annotations.Nullable;

/**
 * Where Brobygger's own facts live in HSDS, which has no field for them. Categories and target
 * groups are terms of the taxonomies {@code kategori} and {@code maalgruppe}. The taxonomy
 * {@code brobygger} holds the rest as service attributes with a value:
 * <ul>
 * <li>{@code stoette}: the support level (gradinddeling). A service carries one of its three child terms
 * {@code stoette:SELF_RELIANT}, {@code stoette:ACCOMPANIED} or {@code stoette:MUNICIPAL_FRAME} (parent
 * {@code stoette}), with the level as value, so {@code taxonomy_term_id} can ask for one level;</li>
 * <li>{@code foelgeskab}: someone accompanies the citizen the first times (value {@code true});</li>
 * <li>{@code koersel}: transport can be arranged, value the note about it or {@code true};</li>
 * <li>{@code ledige-pladser}: places left, value a number;</li>
 * <li>{@code venteliste}: the offer has a waiting list (value {@code true}).</li>
 * </ul>
 * Places left and the waiting list are also written for people in {@code wait_time}; wheelchair
 * access and hearing loops are location {@code accessibility}. Identifiers are name-based UUIDs, so
 * they stay the same across restarts and deployments. An offer happens at one location, so its one
 * {@code service_at_location} has an id worked out from the service's id and back
 * ({@link #serviceAtLocationId}), and needs no table of its own.
 */
public final class HsdsVocabulary {

    public static final String OWN_TAXONOMY = "brobygger";
    public static final String SUPPORT_LEVEL = "stoette";
    public static final String ACCOMPANIMENT = "foelgeskab";
    public static final String TRANSPORT = "koersel";
    public static final String PLACES_LEFT = "ledige-pladser";
    public static final String WAITLIST = "venteliste";
    public static final String WHEELCHAIR = "wheelchair";
    public static final String HEARING_LOOP = "hearing-loop";

    private static final List<Hsds.Taxonomy> TAXONOMIES = List.of(
            new Hsds.Taxonomy(taxonomyId(TaxonomyTerm.CATEGORY), "Kategori", "Hvad man laver i tilbuddet", null, "1"),
            new Hsds.Taxonomy(taxonomyId(TaxonomyTerm.TARGET_GROUP), "Målgruppe", "Hvem tilbuddet særligt er for", null, "1"),
            new Hsds.Taxonomy(taxonomyId(OWN_TAXONOMY), "Brobygger",
                    "Brobyggers egne oplysninger om støtte, følgeskab, kørsel og pladser", null, "1"));

    private static final Hsds.TaxonomyTerm SUPPORT = own(SUPPORT_LEVEL, "Støtte",
            "Gradinddeling: hvor meget støtte borgeren skal have for at være med", null);

    private static final Map<SupportLevel, Hsds.TaxonomyTerm> SUPPORT_LEVELS = Map.of(
            SupportLevel.SELF_RELIANT, supportLevel(SupportLevel.SELF_RELIANT, "Selvhjulpen",
                    "Borgeren kan komme selv og være med på egen hånd"),
            SupportLevel.ACCOMPANIED, supportLevel(SupportLevel.ACCOMPANIED, "Med følgeskab",
                    "En person kan følge borgeren derhen og hjælpe i gang"),
            SupportLevel.MUNICIPAL_FRAME, supportLevel(SupportLevel.MUNICIPAL_FRAME, "Kommunal ramme",
                    "Tilbuddet har fagpersoner og kræver som regel en aftale med kommunen"));

    private static final List<Hsds.TaxonomyTerm> OWN_TERMS = List.of(SUPPORT,
            SUPPORT_LEVELS.get(SupportLevel.SELF_RELIANT), SUPPORT_LEVELS.get(SupportLevel.ACCOMPANIED),
            SUPPORT_LEVELS.get(SupportLevel.MUNICIPAL_FRAME),
            own(ACCOMPANIMENT, "Følgeskab", "En person følger borgeren de første gange", null),
            own(TRANSPORT, "Kørsel", "Kørsel kan arrangeres; værdien er en note om kørslen", null),
            own(PLACES_LEFT, "Ledige pladser", "Antal ledige pladser", null),
            own(WAITLIST, "Venteliste", "Tilbuddet har venteliste", null));

    private HsdsVocabulary() {
    }

    static List<Hsds.Taxonomy> taxonomies() {
        return TAXONOMIES;
    }

    static List<Hsds.TaxonomyTerm> ownTerms() {
        return OWN_TERMS;
    }

    static Hsds.TaxonomyTerm ownTerm(String code) {
        return OWN_TERMS.stream().filter(term -> code.equals(term.code())).findFirst().orElseThrow();
    }

    public static Hsds.TaxonomyTerm term(TaxonomyTerm term) {
        return new Hsds.TaxonomyTerm(term.id(), term.code(), term.name(), term.description(), term.taxonomy(),
                taxonomyId(term.taxonomy()), null);
    }

    /** The term a service of this support level carries (a child of {@code stoette}). */
    static Hsds.TaxonomyTerm supportLevelTerm(SupportLevel level) {
        return SUPPORT_LEVELS.get(level);
    }

    /** The support level a term code such as {@code stoette:ACCOMPANIED} names, if it names one. */
    public static Optional<SupportLevel> supportLevelOf(String code) {
        return SUPPORT_LEVELS.entrySet().stream().filter(entry -> code.equals(entry.getValue().code()))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The code of one of Brobygger's own terms ({@link #SUPPORT_LEVEL} …), if {@code id} is one. */
    static Optional<String> ownTermCode(UUID id) {
        return OWN_TERMS.stream().filter(term -> id.equals(term.id())).map(Hsds.TaxonomyTerm::code).findFirst();
    }

    /**
     * The id of the service's one service_at_location: the service's id with fixed bits flipped
     * (the UUID's version and variant bits are kept). Applied twice it gives the service's id again.
     */
    static UUID serviceAtLocationId(UUID serviceId) {
        return new UUID(serviceId.getMostSignificantBits() ^ 0x5A5A5A5A5A5A0A5AL,
                serviceId.getLeastSignificantBits() ^ 0x0A5A5A5A5A5A5A5AL);
    }

    /** The service a service_at_location id belongs to. */
    static UUID serviceOf(UUID serviceAtLocationId) {
        return serviceAtLocationId(serviceAtLocationId);
    }

    static UUID taxonomyId(String taxonomy) {
        return nameBased("taxonomy:" + taxonomy);
    }

    public static Optional<Hsds.Taxonomy> taxonomy(UUID id) {
        return TAXONOMIES.stream().filter(taxonomy -> taxonomy.id().equals(id)).findFirst();
    }

    /** A stable identifier for something HSDS needs an id for but Brobygger stores as part of another row. */
    static UUID nameBased(String name) {
        return UUID.nameUUIDFromBytes(("brobygger:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static Hsds.TaxonomyTerm own(String code, String name, String description, @Nullable UUID parentId) {
        return new Hsds.TaxonomyTerm(nameBased("term:" + OWN_TAXONOMY + ":" + code), code, name, description,
                OWN_TAXONOMY, taxonomyId(OWN_TAXONOMY), parentId);
    }

    private static Hsds.TaxonomyTerm supportLevel(SupportLevel level, String name, String description) {
        return own(SUPPORT_LEVEL + ":" + level.name(), name, description, nameBased("term:" + OWN_TAXONOMY + ":"
                + SUPPORT_LEVEL));
    }
}

package dk.brobygger.directory.hsds;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.offer.TaxonomyTerm;

/**
 * Where Brobygger's own facts live in HSDS, which has no field for them. Categories and target
 * groups are terms of the taxonomies {@code kategori} and {@code maalgruppe}. The taxonomy
 * {@code brobygger} holds the rest as service attributes with a value:
 * <ul>
 * <li>{@code stoette}: the support level (gradinddeling), value {@code SELF_RELIANT}, {@code ACCOMPANIED}
 * or {@code MUNICIPAL_FRAME};</li>
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

    private static final List<Hsds.TaxonomyTerm> OWN_TERMS = List.of(
            own(SUPPORT_LEVEL, "Støtte", "Gradinddeling: " + String.join(", ",
                    java.util.Arrays.stream(SupportLevel.values()).map(Enum::name).toList())),
            own(ACCOMPANIMENT, "Følgeskab", "En person følger borgeren de første gange"),
            own(TRANSPORT, "Kørsel", "Kørsel kan arrangeres; værdien er en note om kørslen"),
            own(PLACES_LEFT, "Ledige pladser", "Antal ledige pladser"),
            own(WAITLIST, "Venteliste", "Tilbuddet har venteliste"));

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
                taxonomyId(term.taxonomy()));
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

    private static Hsds.TaxonomyTerm own(String code, String name, String description) {
        return new Hsds.TaxonomyTerm(nameBased("term:" + OWN_TAXONOMY + ":" + code), code, name, description,
                OWN_TAXONOMY, taxonomyId(OWN_TAXONOMY));
    }
}

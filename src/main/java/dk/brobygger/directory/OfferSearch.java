package dk.brobygger.directory;

import java.util.List;
import java.util.UUID;

/** Searches the community directory. Used by the public portal and by other modules (visits, referrals). */
public interface OfferSearch {

    /** Facet dimensions, also the names of the filters in the portal. */
    String CATEGORY = "kategori";
    String TARGET_GROUP = "maalgruppe";
    String DISTRICT = "bydel";
    String WEEKDAY = "ugedag";
    String TIME_OF_DAY = "tidspunkt";
    String SUPPORT_LEVEL = "stoette";
    String FREE = "gratis";
    String WHEELCHAIR = "koerestol";
    String TRANSPORT = "koersel";

    /** The category of crisis lines and acute places ("Akut hjælp"). */
    String CRISIS_CATEGORY = "akut";

    SearchResult search(OfferQuery query);

    /**
     * The index generation searches answer from on this node: it changes whenever a change to an offer
     * becomes searchable here (after {@link #search} would give another answer) and never goes back, so
     * anything made from answers alone may be kept for as long as the generation stays the same.
     */
    long generation();

    /**
     * The ids of every public offer {@code query} finds (at most {@code limit}), in the order
     * {@link #search} lists them; the query's page is not used. For callers that filter further or
     * page themselves, such as the HSDS API, so that their order stays the portal's.
     */
    List<UUID> rankedIds(OfferQuery query, int limit);

    /**
     * What the citizen most likely meant, when a word typed is not one the directory uses but a
     * near one is ("strk" → "strik"): the text with such words replaced, or empty.
     */
    java.util.Optional<String> spellingSuggestion(String text);

    /**
     * A place at the end of the words a citizen typed ("strikning 7130", "gåtur Havnegade 3",
     * "kor Strandby"), found in the municipality's own gazetteer: the words without it and the place,
     * or empty when the words end in no known place.
     */
    java.util.Optional<PlaceInWords> placeInWords(String text);

    /** The words a citizen typed, split into what to look for and where ({@code words} is null when only a place was typed). */
    record PlaceInWords(@org.jspecify.annotations.Nullable String words, String place) {
    }
}

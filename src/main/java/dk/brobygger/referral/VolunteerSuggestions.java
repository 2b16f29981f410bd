package dk.brobygger.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.brobygger.directory.OfferFacts;
import dk.brobygger.directory.TimeOfDay;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forslag til følgeskab: the volunteers who fit a referral that needs someone to go along, best first, each with
 * why. Only onboarded volunteers whose vetting is valid today are ranked, the municipality's own and those of the
 * association the citizen is referred to. The fit, in points: near the citizen (up to 5, nothing beyond
 * {@value #FAR_KM} km), each shared interest 2 (at most 3 counted), the citizen's language when it is not Danish 3,
 * free on a weekday and part of the day the offer meets 3, a peer when the citizen asked for one 4, less 2 for each
 * open assignment the volunteer already has. Ties go to the nearer, then by name.
 *
 * <p>One set-based query: the register is filtered on its (stage, vetted_until) index and joined to the distance
 * of each postcode (computed once per postcode, not per volunteer) and to the counts of matching interests,
 * languages, availability and open assignments, each read from its own index for only the values asked for; only
 * the ten best are widened to the columns the page shows. About 15 ms on PostgreSQL with 20,000 volunteers (10,000
 * of them onboarded) on the shared two-core development machine, not yet measured by the benchmark.
 */
@Component
class VolunteerSuggestions {

    static final int FAR_KM = 20;
    static final int LIMIT = 10;
    private static final double KM_PER_DEGREE = 111.2;

    private final JdbcClient jdbc;

    VolunteerSuggestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the citizen needs of a companion. */
    record Need(@Nullable String postcode, @Nullable String language, Set<Interest> interests,
            List<Slot> slots, boolean peer, @Nullable UUID organizationId, LocalDate day) {
    }

    /** A weekday and part of the day the offer meets. */
    record Slot(java.time.DayOfWeek weekday, TimeOfDay partOfDay) {
    }

    /** One suggested volunteer, with the facts that ranked them. */
    record Suggestion(UUID id, String name, boolean peer, String postcode, @Nullable String district,
            @Nullable String organizationName, @Nullable Double distanceKm, int sharedInterests, boolean language,
            boolean available, int load, double score) {
    }

    /** The slots an offer meets in, from its weekly schedules. */
    static List<Slot> slots(OfferFacts.Offer offer) {
        var slots = new LinkedHashSet<Slot>();
        offer.schedules().forEach(schedule -> slots.add(new Slot(schedule.weekday(), schedule.timeOfDay())));
        return List.copyOf(slots);
    }

    private static final Map<Interest, Pattern> WORDS = Map.ofEntries(
            Map.entry(Interest.CRAFTS, Pattern.compile("strik|hækl|håndarbejd|sy(ning|café|stue)|træsløjd|værksted")),
            Map.entry(Interest.SINGING, Pattern.compile("kor(et|ene)?\\b|sang|syng")),
            Map.entry(Interest.WALKING, Pattern.compile("gåtur|gåhold|\\bgå\\b|vandr")),
            Map.entry(Interest.MUSIC, Pattern.compile("musik|orkester")),
            Map.entry(Interest.CARDS_AND_GAMES, Pattern.compile("kort|bridge|whist|brætspil|skak|banko")),
            Map.entry(Interest.COFFEE_AND_TALK, Pattern.compile("café|cafe|kaffe|snak|samtale|fællesspisning")),
            Map.entry(Interest.EXERCISE, Pattern.compile("motion|gymnastik|træning|svøm|yoga|dans|cykl")),
            Map.entry(Interest.NATURE, Pattern.compile("natur|fugl|skov|fisk")),
            Map.entry(Interest.GARDENING, Pattern.compile("have")),
            Map.entry(Interest.COOKING, Pattern.compile("mad|spis|køkken")),
            Map.entry(Interest.CULTURE, Pattern.compile("museum|kultur|teater|film|foredrag")),
            Map.entry(Interest.READING, Pattern.compile("læse|bog|bibliotek")),
            Map.entry(Interest.CHURCH, Pattern.compile("kirke|sogn")),
            Map.entry(Interest.TECHNOLOGY, Pattern.compile("\\bit\\b|computer|tablet|mobil|digital")));

    /** The interests an offer's name speaks of ("Strikkecafé" → crafts, coffee and talk): the default guess. */
    static Set<Interest> interestsOf(String offerName) {
        String name = offerName.toLowerCase(Locale.ROOT);
        var found = EnumSet.noneOf(Interest.class);
        WORDS.forEach((interest, words) -> {
            if (words.matcher(name).find()) {
                found.add(interest);
            }
        });
        return found;
    }

    List<Suggestion> suggest(Need need) {
        var origin = origin(need.postcode());
        // The origin as parameters, not in the text: the statement is the same for every citizen, so the database
        // plans it once rather than for every postcode.
        String distance = origin.isEmpty() ? "CAST(NULL AS DOUBLE PRECISION)"
                : "SQRT((p.latitude - :latitude) * (p.latitude - :latitude) * :latitudeScale"
                        + " + (p.longitude - :longitude) * (p.longitude - :longitude) * :longitudeScale)";
        String language = need.language() == null ? "" : need.language().strip().toLowerCase(Locale.ROOT);
        boolean foreignLanguage = !language.isEmpty() && !language.equals("dansk");
        var interests = need.interests().isEmpty() ? List.of("-")
                : need.interests().stream().map(Enum::name).toList();
        var days = need.slots().isEmpty() ? List.of("-")
                : need.slots().stream().map(slot -> slot.weekday().name()).distinct().toList();
        var slots = need.slots().isEmpty() ? List.of("-")
                : need.slots().stream().map(slot -> slot.weekday().name() + ":" + slot.partOfDay().name()).toList();
        String sql = """
                SELECT v.id, v.name, v.peer, v.postcode, v.district, v.organization_name, r.km, r.shared_interests,
                       r.language_match, r.available, r.open_load, r.score
                  FROM (
                    SELECT v.id, v.name, p.km,
                           COALESCE(i.n, 0) AS shared_interests, COALESCE(l.n, 0) AS language_match,
                           COALESCE(a.n, 0) AS available, COALESCE(o.n, 0) AS open_load,
                           CASE WHEN p.km IS NULL OR p.km >= %1$d THEN 0 ELSE 5 - p.km * 5 / %1$d END
                             + 2 * LEAST(COALESCE(i.n, 0), 3)
                             + CASE WHEN COALESCE(l.n, 0) > 0 THEN 3 ELSE 0 END
                             + CASE WHEN COALESCE(a.n, 0) > 0 THEN 3 ELSE 0 END
                             + CASE WHEN :peer = 1 AND v.peer THEN 4 ELSE 0 END
                             - 2 * COALESCE(o.n, 0) AS score
                      FROM volunteer v
                      LEFT JOIN (SELECT code, %2$s AS km FROM postcode p) p ON p.code = v.postcode
                      LEFT JOIN (SELECT volunteer_id, COUNT(*) AS n FROM volunteer_interest
                                  WHERE interest IN (:interests) GROUP BY volunteer_id) i ON i.volunteer_id = v.id
                      LEFT JOIN (SELECT volunteer_id, COUNT(*) AS n FROM volunteer_language
                                  WHERE language = :language GROUP BY volunteer_id) l ON l.volunteer_id = v.id
                      LEFT JOIN (SELECT volunteer_id, COUNT(*) AS n FROM volunteer_availability
                                  WHERE weekday IN (:days) AND weekday || ':' || part_of_day IN (:slots)
                                  GROUP BY volunteer_id) a ON a.volunteer_id = v.id
                      LEFT JOIN (SELECT volunteer_id, COUNT(*) AS n FROM volunteer_assignment
                                  WHERE status IN ('PROPOSED', 'ACCEPTED') GROUP BY volunteer_id) o
                             ON o.volunteer_id = v.id
                     WHERE v.stage = 'ONBOARDED' AND v.vetted_until >= :day
                       AND (v.organization_id IS NULL OR v.organization_id = :organization)
                     ORDER BY score DESC, p.km ASC NULLS LAST, v.name, v.id
                     LIMIT %3$d
                  ) r
                  JOIN volunteer v ON v.id = r.id
                 ORDER BY r.score DESC, r.km ASC NULLS LAST, v.name, v.id
                """.formatted(FAR_KM, distance, LIMIT);
        var statement = jdbc.sql(sql);
        if (origin.isPresent()) {
            double latitude = origin.get()[0];
            statement = statement.param("latitude", latitude).param("longitude", origin.get()[1])
                    .param("latitudeScale", KM_PER_DEGREE * KM_PER_DEGREE)
                    .param("longitudeScale", Math.pow(KM_PER_DEGREE * Math.cos(Math.toRadians(latitude)), 2));
        }
        return statement.param("day", need.day()).param("peer", need.peer() ? 1 : 0)
                .param("interests", interests).param("language", foreignLanguage ? language : "-")
                .param("days", days).param("slots", slots)
                .param("organization", need.organizationId() == null ? new UUID(0, 0) : need.organizationId())
                .query((rs, n) -> new Suggestion(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getBoolean("peer"), rs.getString("postcode"), rs.getString("district"),
                        rs.getString("organization_name"), rs.getObject("km") == null ? null : rs.getDouble("km"),
                        rs.getInt("shared_interests"), rs.getInt("language_match") > 0, rs.getInt("available") > 0,
                        rs.getInt("open_load"), rs.getDouble("score")))
                .list();
    }

    /** Latitude and longitude of a postcode's centroid (shared reference data), if known. */
    private Optional<double[]> origin(@Nullable String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT latitude, longitude FROM postcode WHERE code = :code").param("code", postcode.strip())
                .query((rs, n) -> new double[] {rs.getDouble("latitude"), rs.getDouble("longitude")}).optional();
    }

    /** One reason a volunteer was suggested: a message key and its arguments. */
    record Reason(String key, Object... arguments) {
    }

    /** The reasons a suggestion was made, for the page. */
    static List<Reason> reasons(Suggestion suggestion, Need need) {
        var reasons = new ArrayList<Reason>();
        if (suggestion.distanceKm() != null) {
            reasons.add(new Reason("volunteer.why.distance", String.format(Locale.forLanguageTag("da"), "%.1f",
                    suggestion.distanceKm())));
        }
        if (suggestion.sharedInterests() > 0) {
            reasons.add(new Reason("volunteer.why.interests", suggestion.sharedInterests()));
        }
        if (suggestion.language()) {
            reasons.add(new Reason("volunteer.why.language", need.language()));
        }
        if (suggestion.available()) {
            reasons.add(new Reason("volunteer.why.available"));
        } else if (!need.slots().isEmpty()) {
            reasons.add(new Reason("volunteer.why.notAvailable"));
        }
        if (need.peer() && suggestion.peer()) {
            reasons.add(new Reason("volunteer.why.peer"));
        }
        reasons.add(new Reason("volunteer.why.load", suggestion.load()));
        return reasons;
    }
}

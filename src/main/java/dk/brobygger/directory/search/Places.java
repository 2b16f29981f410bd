package dk.brobygger.directory.search;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.SearchResult;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds where an address or postcode typed by a citizen is, from the municipality's own
 * gazetteer: postcode centroids, and the streets where the directory's places are. A deployment
 * that needs every address in Denmark replaces this with DAWA (Danmarks Adressers Web API).
 */
@Component
class Places {

    private static final Pattern POSTCODE = Pattern.compile("\\b(\\d{4})\\b");
    private static final Pattern STREET = Pattern.compile("^\\s*([\\p{L} .'-]+?)\\s*\\d*\\s*[A-Za-z]?\\s*(,.*)?$");
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final JdbcClient jdbc;

    Places(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SearchResult.Place> find(String input) {
        String text = input.strip();
        if (text.length() > 200) {
            return Optional.empty();
        }
        Optional<SearchResult.Place> street = street(text);
        if (street.isPresent()) {
            return street;
        }
        Matcher postcode = POSTCODE.matcher(text);
        if (postcode.find()) {
            return postcode(postcode.group(1));
        }
        return jdbc.sql("SELECT code, name, latitude, longitude FROM postcode WHERE LOWER(name) = :name")
                .param("name", text.toLowerCase(Locale.ROOT))
                .query((rs, n) -> new SearchResult.Place(rs.getString("code") + " " + rs.getString("name"),
                        rs.getDouble("latitude"), rs.getDouble("longitude")))
                .optional();
    }

    /** A house number as typed: "3", "12B", "12," */
    private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d{1,4}[A-Za-z]?,?");
    private static final Pattern POSTCODE_WORD = Pattern.compile("\\d{4},?");
    /** How many words a street or a town name may have at the end of the words ("Gammel Kongevej"). */
    private static final int MAX_NAME_WORDS = 2;

    /**
     * A place at the end of what was typed into the words box: a postcode (perhaps after a street and
     * house number, perhaps followed by its town), a street and house number, or a town's name. Only
     * places this gazetteer knows count, so "gåtur 2" or "kor 2026" stay words.
     */
    Optional<OfferSearch.PlaceInWords> inWords(String input) {
        String text = input.strip();
        if (text.isEmpty() || text.length() > 200) {
            return Optional.empty();
        }
        List<String> words = List.of(text.split("\\s+"));
        int n = words.size();
        for (int p = n - 1; p >= Math.max(0, n - 1 - MAX_NAME_WORDS); p--) {
            String code = words.get(p).replace(",", "");
            if (!POSTCODE_WORD.matcher(words.get(p)).matches()) {
                continue;
            }
            Optional<String> town = townOf(code);
            String after = String.join(" ", words.subList(p + 1, n));
            if (town.isEmpty() || (!after.isEmpty() && !after.equalsIgnoreCase(town.get()))) {
                continue;
            }
            int start = p;
            if (p >= 2 && HOUSE_NUMBER.matcher(words.get(p - 1)).matches()) {
                start = streetStart(words, p - 1, code).orElse(p);
            }
            return Optional.of(split(words, start));
        }
        if (HOUSE_NUMBER.matcher(words.get(n - 1)).matches() && !POSTCODE_WORD.matcher(words.get(n - 1)).matches()) {
            Optional<Integer> start = streetStart(words, n - 1, null);
            if (start.isPresent()) {
                return Optional.of(split(words, start.get()));
            }
        }
        for (int size = Math.min(MAX_NAME_WORDS, n); size >= 1; size--) {
            String name = String.join(" ", words.subList(n - size, n));
            if (townNamed(name)) {
                return Optional.of(split(words, n - size));
            }
        }
        return Optional.empty();
    }

    /** Where the street before the house number at {@code number} starts, longest name first, if it is known. */
    private Optional<Integer> streetStart(List<String> words, int number, @Nullable String postcode) {
        for (int size = Math.min(MAX_NAME_WORDS, number); size >= 1; size--) {
            String address = String.join(" ", words.subList(number - size, number + 1)).replace(",", "")
                    + (postcode == null ? "" : ", " + postcode);
            if (street(address).isPresent()) {
                return Optional.of(number - size);
            }
        }
        return Optional.empty();
    }

    private static OfferSearch.PlaceInWords split(List<String> words, int start) {
        String before = String.join(" ", words.subList(0, start)).strip();
        String place = String.join(" ", words.subList(start, words.size())).replaceAll(",$", "");
        return new OfferSearch.PlaceInWords(before.isEmpty() ? null : before, place);
    }

    private Optional<String> townOf(String code) {
        return jdbc.sql("SELECT name FROM postcode WHERE code = :code").param("code", code).query(String.class)
                .optional();
    }

    private boolean townNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM postcode WHERE LOWER(name) = :name")
                .param("name", name.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
    }

    private Optional<SearchResult.Place> postcode(String code) {
        return jdbc.sql("SELECT code, name, latitude, longitude FROM postcode WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new SearchResult.Place(rs.getString("code") + " " + rs.getString("name"),
                        rs.getDouble("latitude"), rs.getDouble("longitude")))
                .optional();
    }

    /** "Vestergade 12, 7100" finds the middle of Vestergade (in that postcode, if given). */
    private Optional<SearchResult.Place> street(String text) {
        Matcher matcher = STREET.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String street = matcher.group(1).strip().toLowerCase(Locale.ROOT);
        if (street.length() < 3) {
            return Optional.empty();
        }
        Matcher postcode = POSTCODE.matcher(text);
        String code = postcode.find() ? postcode.group(1) : null;
        List<double[]> points = jdbc.sql("""
                SELECT latitude, longitude, address, postal_code FROM location
                 WHERE LOWER(address) LIKE :prefix ESCAPE '\\'
                """)
                .param("prefix", escapeLike(street) + " %")
                .query((rs, n) -> code == null || code.equals(rs.getString("postal_code"))
                        ? new double[] {rs.getDouble("latitude"), rs.getDouble("longitude")}
                        : null)
                .list().stream().filter(p -> p != null).toList();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        double latitude = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double longitude = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        return Optional.of(new SearchResult.Place(text, latitude, longitude));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Great-circle distance in kilometres. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}

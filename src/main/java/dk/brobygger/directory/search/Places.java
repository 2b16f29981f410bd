package dk.brobygger.directory.search;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.brobygger.directory.SearchResult;

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

package dk.brobygger.directory.importing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.directory.offer.TaxonomyTerm;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What import rows are checked against: the taxonomy, the districts and the postcodes, read once
 * per import. Also the Danish words editors write in spreadsheets (ja/nej, tirsdag, 10:00).
 */
@Component
class ImportVocabulary {

    private final JdbcClient jdbc;
    private final Taxonomy taxonomy;

    ImportVocabulary(JdbcClient jdbc, Taxonomy taxonomy) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
    }

    /** The districts and postcode centroids as they are now. */
    Places places() {
        Set<String> districts = new HashSet<>(jdbc.sql("SELECT code FROM district").query(String.class).list());
        Map<String, double[]> postcodes = new HashMap<>();
        jdbc.sql("SELECT code, latitude, longitude FROM postcode").query(rs -> {
            postcodes.put(rs.getString("code"), new double[] {rs.getDouble("latitude"), rs.getDouble("longitude")});
        });
        return new Places(districts, postcodes);
    }

    /** Districts by code and postcode centroids by postcode. */
    record Places(Set<String> districts, Map<String, double[]> postcodes) {

        Optional<String> district(String value) {
            return districts.stream().filter(code -> code.equalsIgnoreCase(value.strip())).findFirst();
        }
    }

    /** A category or target group by its code or its name, ignoring case. */
    Optional<TaxonomyTerm> term(String taxonomyName, String value) {
        String wanted = value.strip();
        return taxonomy.all().stream()
                .filter(term -> term.taxonomy().equals(taxonomyName))
                .filter(term -> term.code().equalsIgnoreCase(wanted) || term.name().equalsIgnoreCase(wanted))
                .findFirst();
    }

    Optional<TaxonomyTerm> term(java.util.UUID id) {
        return taxonomy.find(id);
    }

    /** "ja", "nej", "x", "true", "1", empty: null if the value means neither. */
    static @Nullable Boolean yesNo(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "ja", "j", "x", "true", "1", "yes" -> true;
            case "nej", "n", "false", "0", "no" -> false;
            default -> null;
        };
    }

    /** A weekday in Danish or English, full or abbreviated, or as an iCal two-letter day (TU). */
    static Optional<DayOfWeek> weekday(String value) {
        String day = value.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek candidate : DayOfWeek.values()) {
            String danish = candidate.getDisplayName(java.time.format.TextStyle.FULL, Locale.forLanguageTag("da"));
            String english = candidate.name().toLowerCase(Locale.ROOT);
            if (day.length() >= 2 && (danish.startsWith(day) || english.startsWith(day))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** "10", "10:00", "10.00" or "10:00:00". */
    static Optional<LocalTime> time(String value) {
        String text = value.strip().replace('.', ':');
        if (text.matches("\\d{1,2}")) {
            text = text + ":00";
        }
        if (text.matches("\\d:\\d{2}(:\\d{2})?")) {
            text = "0" + text;
        }
        try {
            return Optional.of(LocalTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package dk.brobygger.directory.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;
import dk.brobygger.directory.offer.TaxonomyTerm;
import dk.brobygger.shared.CsvRecords;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads offers from a spreadsheet saved as CSV, one offer per row, with Danish column names in the
 * first row (see {@link #COLUMNS} and {@code static/import/eksempel.csv}). Danish Excel separates
 * with {@code ;}, others with {@code ,}: the separator that occurs most in the header row is used.
 * Lists within a cell (categories, languages, times) are separated by {@code |} or {@code ,}.
 */
@Component
class CsvOffers {

    /** The columns an editor may use; only the first ones up to {@code bydel} are required. */
    static final List<String> COLUMNS = List.of("navn", "beskrivelse", "organisation", "adresse", "postnummer", "by",
            "bydel", "stedets_navn", "breddegrad", "laengdegrad", "koerestol", "teleslynge", "kategorier",
            "maalgrupper", "tidspunkter", "stoette", "foelgeskab", "koersel", "min_alder", "max_alder", "pris",
            "sprog", "ledige_pladser", "venteliste", "kontaktperson", "email", "telefon", "hjemmeside", "status",
            "organisation_beskrivelse", "organisation_email", "organisation_telefon", "organisation_hjemmeside");

    static final List<String> REQUIRED = COLUMNS.subList(0, 7);

    private static final Pattern LIST = Pattern.compile("\\s*[|,]\\s*");
    private static final Pattern TIMES = Pattern.compile("(\\S+)\\s+(\\S+?)\\s*[-–]\\s*(\\S+)");

    private final ImportVocabulary vocabulary;

    CsvOffers(ImportVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    ImportFile read(String text) {
        String header = text.lines().findFirst().orElse("");
        char separator = count(header, ';') > count(header, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .get();
        CSVParser opened;
        try {
            opened = CSVParser.parse(text, format);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // The header row itself cannot be read (an unclosed quote, a column named twice).
            return ImportFile.refused(List.of(new Rejection(1, "", "importing.reason.unreadableHeader")));
        }
        try (CSVParser parser = opened) {
            List<Rejection> rejections = new ArrayList<>();
            Map<String, Integer> headers = parser.getHeaderMap();
            for (String column : headers.keySet()) {
                if (!column.isBlank() && !COLUMNS.contains(column.strip().toLowerCase(Locale.ROOT))) {
                    rejections.add(new Rejection(1, column, "importing.reason.unknownColumn", column));
                }
            }
            for (String column : REQUIRED) {
                if (headers.keySet().stream().noneMatch(name -> name.strip().equalsIgnoreCase(column))) {
                    rejections.add(new Rejection(1, column, "importing.reason.missingColumn", column));
                }
            }
            if (!rejections.isEmpty()) {
                return ImportFile.refused(rejections);
            }
            var places = vocabulary.places();
            List<OfferLine> lines = new ArrayList<>();
            CsvRecords.readEach(parser, (record, row) -> {
                var reading = read(new RowReading(row, places), record);
                reading.line().ifPresent(lines::add);
                rejections.addAll(reading.rejections());
            }).ifPresent(row -> rejections.add(new Rejection(row, "", "importing.reason.unterminatedQuote")));
            return new ImportFile(lines, rejections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RowReading read(RowReading row, CSVRecord record) {
        row.name = value(record, "navn");
        row.description = value(record, "beskrivelse");
        row.organizationName = value(record, "organisation");
        row.organizationDescription = value(record, "organisation_beskrivelse");
        row.organizationEmail = value(record, "organisation_email");
        row.organizationPhone = value(record, "organisation_telefon");
        row.organizationWebsite = value(record, "organisation_hjemmeside");
        row.address = value(record, "adresse");
        row.postalCode = value(record, "postnummer");
        row.city = value(record, "by");
        row.district = value(record, "bydel");
        row.placeName = value(record, "stedets_navn");
        row.latitude = coordinate(row, "breddegrad", value(record, "breddegrad"), 54, 58);
        row.longitude = coordinate(row, "laengdegrad", value(record, "laengdegrad"), 7, 16);
        row.wheelchairAccess = row.yesNo("koerestol", value(record, "koerestol"));
        row.hearingLoop = row.yesNo("teleslynge", value(record, "teleslynge"));
        terms(row, "kategorier", TaxonomyTerm.CATEGORY, "importing.reason.category", value(record, "kategorier"));
        terms(row, "maalgrupper", TaxonomyTerm.TARGET_GROUP, "importing.reason.targetGroup",
                value(record, "maalgrupper"));
        schedules(row, value(record, "tidspunkter"));
        supportLevel(row, value(record, "stoette"));
        status(row, value(record, "status"));
        row.accompaniment = row.yesNo("foelgeskab", value(record, "foelgeskab"));
        String transport = value(record, "koersel");
        Boolean transportYesNo = ImportVocabulary.yesNo(transport);
        row.transportOffered = transportYesNo == null || transportYesNo;
        row.transportNote = transportYesNo == null ? transport : null;
        row.minAge = row.count("min_alder", value(record, "min_alder"));
        row.maxAge = row.count("max_alder", value(record, "max_alder"));
        String price = value(record, "pris");
        row.freeOfCharge = price == null || price.isBlank() || price.strip().equalsIgnoreCase("gratis")
                || price.strip().equals("0");
        row.costDescription = row.freeOfCharge ? null : price;
        String languages = value(record, "sprog");
        if (languages != null && !languages.isBlank()) {
            for (String code : LIST.split(languages.strip())) {
                if (code.matches("[a-zA-Z]{2,3}")) {
                    row.languages.add(code.toLowerCase(Locale.ROOT));
                } else {
                    row.reject("sprog", "importing.reason.language", code);
                }
            }
        }
        row.placesLeft = row.count("ledige_pladser", value(record, "ledige_pladser"));
        row.waitlist = row.yesNo("venteliste", value(record, "venteliste"));
        row.contactName = value(record, "kontaktperson");
        row.contactEmail = value(record, "email");
        row.contactPhone = value(record, "telefon");
        row.url = value(record, "hjemmeside");
        return row;
    }

    private void terms(RowReading row, String field, String taxonomy, String unknownKey, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        for (String name : LIST.split(value.strip())) {
            vocabulary.term(taxonomy, name).ifPresentOrElse(term -> row.termIds.add(term.id()),
                    () -> row.reject(field, unknownKey, name));
        }
    }

    private static void schedules(RowReading row, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        for (String part : value.strip().split("\\s*[|,]\\s*")) {
            Matcher times = TIMES.matcher(part);
            var day = times.matches() ? ImportVocabulary.weekday(times.group(1)) : java.util.Optional.<java.time.DayOfWeek>empty();
            var opens = times.matches() ? ImportVocabulary.time(times.group(2)) : java.util.Optional.<java.time.LocalTime>empty();
            var closes = times.matches() ? ImportVocabulary.time(times.group(3)) : java.util.Optional.<java.time.LocalTime>empty();
            if (day.isEmpty() || opens.isEmpty() || closes.isEmpty() || !closes.get().isAfter(opens.get())) {
                row.reject("tidspunkter", "importing.reason.schedule", part);
            } else {
                row.schedules.add(WeeklySchedule.weekly(day.get(), opens.get(), closes.get()));
            }
        }
    }

    private static void supportLevel(RowReading row, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String level = value.strip().toLowerCase(Locale.ROOT);
        switch (level) {
            case "1", "selvhjulpen", "self_reliant" -> row.supportLevel = SupportLevel.SELF_RELIANT;
            case "2", "følgeskab", "foelgeskab", "personstøtte", "accompanied" -> row.supportLevel = SupportLevel.ACCOMPANIED;
            case "3", "kommunal", "kommunal ramme", "municipal_frame" -> row.supportLevel = SupportLevel.MUNICIPAL_FRAME;
            default -> row.reject("stoette", "importing.reason.supportLevel", value);
        }
    }

    private static void status(RowReading row, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "aktiv", "active" -> row.status = OfferStatus.ACTIVE;
            case "inaktiv", "inactive" -> row.status = OfferStatus.INACTIVE;
            case "midlertidigt lukket", "lukket", "temporarily closed", "temporarily_closed" ->
                row.status = OfferStatus.TEMPORARILY_CLOSED;
            default -> row.reject("status", "importing.reason.status", value);
        }
    }

    private static @Nullable Double coordinate(RowReading row, String field, @Nullable String value, double min,
            double max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip().replace(',', '.'));
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        row.reject(field, "importing.reason.coordinate", value);
        return null;
    }

    private static @Nullable String value(CSVRecord record, String column) {
        for (Map.Entry<String, Integer> header : record.getParser().getHeaderMap().entrySet()) {
            if (header.getKey().strip().equalsIgnoreCase(column)) {
                int index = header.getValue();
                return index < record.size() ? RowReading.blankToNull(record.get(index)) : null;
            }
        }
        return null;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}

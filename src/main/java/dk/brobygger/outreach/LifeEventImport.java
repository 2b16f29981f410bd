package dk.brobygger.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenKeys;
import dk.brobygger.shared.CsvRecords;
import dk.brobygger.shared.CprNumber;
import dk.brobygger.shared.DomainException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registerudtræk: life events from a CSV file (cpr, haendelse, dato, kilde; English names type, date,
 * source also work; {@code ;} or {@code ,}). Rows are judged one by one: a row with an unknown CPR
 * number, a bad or future date, an unknown type or a duplicate is reported and skipped, the good rows
 * are saved together and each checked against the rules. The outreach teams and managers import.
 */
@Service
class LifeEventImport {

    static final String DEFAULT_SOURCE = "Registerudtræk";
    /** Strict: 30-02-2026 is refused, not read as the last day of February. */
    private static final List<DateTimeFormatter> DATES = java.util.stream.Stream.of("uuuu-MM-dd", "dd-MM-uuuu",
            "dd.MM.uuuu", "d/M/uuuu").map(pattern -> DateTimeFormatter.ofPattern(pattern)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT)).toList();

    /** One refused row: its number in the file (the header is row 1) and why, in Danish. */
    public record RowError(int row, String cpr, String message) {
    }

    /** What the import did. */
    public record Report(int rows, int saved, int outreachItems, List<RowError> errors) {
    }

    private final CitizenKeys register;
    private final LifeEvents lifeEvents;
    private final OutreachAccess access;
    private final Users users;
    private final MessageSource messages;

    LifeEventImport(CitizenKeys register, LifeEvents lifeEvents, OutreachAccess access, Users users,
            MessageSource messages) {
        this.register = register;
        this.lifeEvents = lifeEvents;
        this.access = access;
        this.users = users;
        this.messages = messages;
    }

    private record Row(int row, String cprText, @Nullable CprNumber cpr, String type, String date, String source) {
    }

    @Transactional
    public Report importCsv(String text) {
        access.checkMayList("Importerede livsbegivenheder fra et registerudtræk");
        Rows reading = read(text);
        List<Row> rows = reading.rows();
        Map<String, UUID> known = citizens(rows.stream().map(Row::cpr).filter(java.util.Objects::nonNull)
                .map(CprNumber::value).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        var errors = new ArrayList<RowError>();
        Set<String> seen = new HashSet<>();
        var saved = new ArrayList<UUID>();
        var citizensSaved = new ArrayList<CitizenId>();
        var types = new HashMap<UUID, RiskReason>();
        String by = users.currentOrFail().username();
        for (Row row : rows) {
            try {
                // An invalid number throws its own Danish reason (format, date).
                CprNumber cpr = row.cpr() == null ? CprNumber.of(row.cprText()) : row.cpr();
                UUID citizen = known.get(cpr.value());
                if (citizen == null) {
                    throw new DomainException("outreach.import.cprUnknown", cpr.masked());
                }
                var checked = lifeEvents.check(new LifeEvents.NewLifeEvent(row.type(), parseDate(row.date()),
                        row.source()));
                if (!seen.add(citizen + "|" + checked.type() + "|" + checked.occurredOn())
                        || lifeEvents.exists(citizen, checked.type(), checked.occurredOn())) {
                    throw new DomainException("outreach.import.duplicate");
                }
                UUID id = lifeEvents.insert(citizen, checked, LifeEvent.ArrivedVia.IMPORT, null, by);
                saved.add(id);
                types.put(id, checked.type());
                citizensSaved.add(new CitizenId(citizen));
            } catch (DomainException e) {
                errors.add(new RowError(row.row(), row.cpr() == null ? row.cprText() : row.cpr().masked(),
                        messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale())));
            }
        }
        reading.brokenAt().ifPresent(row -> errors.add(new RowError(row, "",
                messages.getMessage("outreach.import.unterminatedQuote", null, LocaleContextHolder.getLocale()))));
        access.created(citizensSaved, "Importerede en livsbegivenhed fra et registerudtræk");
        int items = 0;
        for (UUID id : saved) {
            items += lifeEvents.recorded(id, types.get(id)).item() == null ? 0 : 1;
        }
        return new Report(rows.size() + (reading.brokenAt().isPresent() ? 1 : 0), saved.size(), items, errors);
    }

    /** The rows read, and the row where an unreadable one (an unclosed quote) stopped the reading. */
    private record Rows(List<Row> rows, OptionalInt brokenAt) {
    }

    private Rows read(String text) {
        String header = text.lines().findFirst().orElse("");
        char separator = header.chars().filter(c -> c == ';').count() >= header.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            var columns = parser.getHeaderMap().keySet().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            String cpr = column(columns, "cpr").orElseThrow(() -> new DomainException("outreach.import.column", "cpr"));
            String type = column(columns, "haendelse", "hændelse", "type")
                    .orElseThrow(() -> new DomainException("outreach.import.column", "haendelse"));
            String date = column(columns, "dato", "date")
                    .orElseThrow(() -> new DomainException("outreach.import.column", "dato"));
            Optional<String> source = column(columns, "kilde", "source");
            var rows = new ArrayList<Row>();
            var broken = CsvRecords.readEach(parser, (record, number) -> {
                String cprText = value(record, cpr);
                rows.add(new Row(number, cprText, CprNumber.isValid(cprText) ? CprNumber.of(cprText) : null,
                        value(record, type), value(record, date),
                        source.map(s -> value(record, s)).filter(s -> !s.isBlank()).orElse(DEFAULT_SOURCE)));
            });
            return new Rows(rows, broken);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new DomainException("outreach.import.unreadable");
        }
    }

    /** A date the row could not be read as is reported as such, not as "missing". */
    private static @Nullable LocalDate parseDate(String text) {
        if (text.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw new DomainException("outreach.event.dateInvalid", text);
    }

    private Map<String, UUID> citizens(Set<String> cprs) {
        var found = new HashMap<String, UUID>();
        register.identify(cprs.stream().map(CprNumber::of).toList())
                .forEach((cpr, citizen) -> found.put(cpr.value(), citizen.value()));
        return found;
    }

    private static Optional<String> column(List<String> columns, String... names) {
        for (String name : names) {
            if (columns.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static String value(CSVRecord record, String column) {
        for (var entry : record.toMap().entrySet()) {
            if (entry.getKey().strip().equalsIgnoreCase(column)) {
                return entry.getValue() == null ? "" : entry.getValue().strip();
            }
        }
        return "";
    }
}

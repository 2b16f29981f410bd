package dk.brobygger.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/** Danish municipalities work in Danish time: the one zone for days, dates and times shown to people. */
public final class DanishTime {

    /** The zone's name, for annotations such as {@code @Scheduled(zone = DanishTime.NAME)}. */
    public static final String NAME = "Europe/Copenhagen";

    public static final ZoneId ZONE = ZoneId.of(NAME);

    /**
     * A date as forms and query parameters carry it, {@code 2026-12-03}: a year of exactly four digits, so a
     * date a person can mean. ISO's signed years ({@code -999999999-01-01}, {@code +99999-01-01}) are refused
     * here rather than overflowing later in date arithmetic or in the database.
     */
    public static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    /**
     * Reads a date written as {@link #DATE}, the one way the web layer reads a date from a request.
     *
     * @throws DateTimeParseException when the text is not such a date
     */
    public static LocalDate parseDate(CharSequence text) {
        return LocalDate.parse(text, DATE);
    }

    private DanishTime() {
    }
}
